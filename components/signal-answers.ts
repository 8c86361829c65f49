import { toCanonical } from '../lib/decimal';
import { readLimitedNumber } from '../lib/number-limits';
import type { Problem } from '../lib/plan/problems';
import type { SignalAnswers } from '../lib/signal';

/** Which answer settles a problem of a pasted signal, by the field the reader named; null: only the text can. */
export type AnswerKind = 'pair' | 'side' | 'entry' | 'stop' | 'targets' | 'decimalMark';

export function answerKindOf(problem: Problem): AnswerKind | null {
  const { field, message } = problem;
  if (field === 'pair' || field === 'side' || field === 'entry' || field === 'stop') return field;
  if (field === 'targets' || /^target \d+$/u.test(field)) return 'targets';
  // The decimal mark is asked when a number reads two ways; a rounded price only the text can fix.
  if (field === 'prices' && /could be|both ways/u.test(message)) return 'decimalMark';
  return null;
}

/** The answers as typed: text per kind (prices with a "." decimal mark, targets separated by spaces). */
export type TypedAnswers = Partial<Record<AnswerKind, string>>;

/** A typed price as the reader takes it, or undefined while it is not one. */
function price(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  const read = readLimitedNumber(trimmed, false);
  return read.ok && !trimmed.startsWith('-') ? toCanonical(read.value) : undefined;
}

/** The answers that are complete, for the signal reader; one still being typed is left out. */
export function readAnswers(typed: TypedAnswers): SignalAnswers {
  const targets = (typed.targets ?? '').split(/\s+/u).filter((part) => part !== '');
  const targetPrices = targets.map(price);
  const side = typed.side === 'long' || typed.side === 'short' ? typed.side : undefined;
  const mark = typed.decimalMark === '.' || typed.decimalMark === ',' ? typed.decimalMark : undefined;
  const pair = typed.pair?.trim() ?? '';
  return {
    ...(pair === '' ? {} : { pair }),
    ...(side === undefined ? {} : { side }),
    ...(price(typed.entry) === undefined ? {} : { entry: price(typed.entry) }),
    ...(price(typed.stop) === undefined ? {} : { stop: price(typed.stop) }),
    ...(targets.length > 0 && targetPrices.every((value) => value !== undefined)
      ? { targets: targetPrices as string[] }
      : {}),
    ...(mark === undefined ? {} : { decimalMark: mark }),
  };
}
