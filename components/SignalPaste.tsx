import { useMemo, useState } from 'preact/hooks';

import { formatProblem } from '../lib/plan/problems';
import { planFromSignal } from '../lib/signal';
import * as format from './format';
import { answerKindOf, readAnswers, type AnswerKind, type TypedAnswers } from './signal-answers';
import { ChoiceField } from './plan-form/ChoiceField';
import { TextField } from './plan-form/TextField';

export interface SignalPasteProps {
  /** The trader's account defaults: the plan risks `riskPercent` of `equity`. */
  readonly equity: string;
  readonly riskPercent: string;
  readonly onAccount: (equity: string, riskPercent: string) => void;
  /** A complete plan read from the signal: fill the form with it. */
  readonly onPlan: (json: Record<string, unknown>) => void;
}

const ANSWER_LABELS: Record<AnswerKind, string> = {
  pair: 'Pair',
  side: 'Side',
  entry: 'Entry price',
  stop: 'Stop price',
  targets: 'Target prices (separated by spaces)',
  decimalMark: 'Decimal mark',
};
const ORDER: readonly AnswerKind[] = ['pair', 'side', 'entry', 'stop', 'targets', 'decimalMark'];

/**
 * A trade signal pasted as a channel posts it, read into a plan
 * (docs/plan-format.md#tranche-signal): what the text leaves open or ambiguous is asked,
 * one field per question, never guessed; the risk is the trader's own.
 */
export function SignalPaste(props: SignalPasteProps) {
  const [text, setText] = useState('');
  const [typed, setTyped] = useState<TypedAnswers>({});
  const answers = useMemo(() => readAnswers(typed), [typed]);
  const result = useMemo(
    () =>
      text.trim() === ''
        ? null
        : planFromSignal(text, {
            account: { equity: props.equity, riskPercent: props.riskPercent },
            answers,
          }),
    [text, answers, props.equity, props.riskPercent],
  );
  const problems = result?.ok === false ? result.problems : [];
  const asked = new Set(problems.map(answerKindOf).filter((kind): kind is AnswerKind => kind !== null));
  const shown = ORDER.filter((kind) => asked.has(kind) || typed[kind] !== undefined);
  const answer = (kind: AnswerKind, value: string) => setTyped((current) => ({ ...current, [kind]: value }));
  return (
    <div class="tr-signal">
      <label class="tr-field tr-field-wide">
        <span>Paste a signal (as the channel posts it)</span>
        <textarea
          class="tr-signal-text"
          value={text}
          spellcheck={false}
          placeholder={'#BTC/USDT LONG\nEntry: 64000\nTP1: 66000  TP2: 68000\nSL: 63000'}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      <div class="tr-fields">
        <TextField
          label="Equity"
          name="signal.equity"
          value={props.equity}
          problems={[]}
          isNumber
          hint="your account defaults"
          onValue={(equity) => props.onAccount(equity, props.riskPercent)}
        />
        <TextField
          label="Risk %"
          name="signal.riskPercent"
          value={props.riskPercent}
          problems={[]}
          isNumber
          onValue={(riskPercent) => props.onAccount(props.equity, riskPercent)}
        />
      </div>
      {problems.length > 0 && (
        <ul class="tr-problems" aria-label="Questions about the signal">
          {problems.map((problem) => (
            <li key={formatProblem(problem)} data-field={problem.field}>
              <strong>{problem.field}</strong>: {problem.message}
              {answerKindOf(problem) === null &&
                (problem.field === 'account' ? ' (set the equity and risk above)' : ' (edit the text)')}
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <div class="tr-fields" role="group" aria-label="Your answers">
          {shown.map((kind) =>
            kind === 'side' || kind === 'decimalMark' ? (
              <ChoiceField
                key={kind}
                label={ANSWER_LABELS[kind]}
                name={`answer.${kind}`}
                value={typed[kind] ?? ''}
                choices={
                  kind === 'side'
                    ? [
                        { value: '', label: 'choose…' },
                        { value: 'long', label: 'long' },
                        { value: 'short', label: 'short' },
                      ]
                    : [
                        { value: '', label: 'choose…' },
                        { value: '.', label: '. (1,234.5)' },
                        { value: ',', label: ', (1.234,5)' },
                      ]
                }
                problems={[]}
                onChoice={(value) => answer(kind, value)}
              />
            ) : (
              <TextField
                key={kind}
                label={ANSWER_LABELS[kind]}
                name={`answer.${kind}`}
                value={typed[kind] ?? ''}
                problems={[]}
                isNumber={kind !== 'pair'}
                onValue={(value) => answer(kind, value)}
              />
            ),
          )}
        </div>
      )}
      {result?.ok === true && (
        <div class="tr-signal-read" role="status">
          <p class="tr-ok" style={{ margin: '4px 0' }}>
            ✓ {result.plan.instrument.symbol} {result.plan.side} · entry{' '}
            {format.price(result.plan.entry.price, result.plan.instrument.tickSize)} ·{' '}
            {result.plan.scaleOut.length} target{result.plan.scaleOut.length === 1 ? '' : 's'}
          </p>
          {result.warnings.length > 0 && (
            <ul class="tr-problems tr-warn" aria-label="Notes on the signal">
              {result.warnings.map((warning) => (
                <li key={formatProblem(warning)}>{formatProblem(warning)}</li>
              ))}
            </ul>
          )}
          <button type="button" class="tr-button tr-primary" onClick={() => props.onPlan(result.json)}>
            Fill the plan form
          </button>
        </div>
      )}
    </div>
  );
}
