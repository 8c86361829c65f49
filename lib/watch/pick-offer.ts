import type { DecimalMark } from '../price';
import { buildSelector, readPicked } from '../sites/picker';
import { isSameSymbol } from '../sites/symbol';
import { titleSymbol } from './read-page';

/** One way to read the picked number, for the trader to confirm. */
export interface PickChoice {
  /** The decimal mark this reading assumes; null when the number is unambiguous. */
  readonly decimalMark: DecimalMark | null;
  /** Canonical decimal string. */
  readonly price: string;
}

export type PickOffer =
  | {
      readonly ok: true;
      readonly selector: string;
      /** One choice, or two when the number reads differently with "." and "," as decimal mark. */
      readonly choices: readonly PickChoice[];
      /** The symbol the page title names, to prefill; null when it names none. */
      readonly titleSymbol: string | null;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * What the picker offers once the trader clicked an element: the selector that finds it
 * again (lib/sites/picker) and the value read through that selector, so the trader
 * confirms what Tranche will read later, not merely what was clicked. An ambiguous
 * number ("1,234") is offered both ways for the trader to choose, never guessed.
 */
export function offerPick(root: Document, target: Element): PickOffer {
  const selector = buildSelector(target);
  const plain = readPicked(root, selector);
  const symbol = titleSymbol(root);
  if (plain.ok)
    return { ok: true, selector, choices: [{ decimalMark: null, price: plain.price }], titleSymbol: symbol };
  const choices: PickChoice[] = [];
  for (const decimalMark of ['.', ','] as const) {
    const reading = readPicked(root, selector, { decimal: decimalMark });
    if (reading.ok && !choices.some((choice) => choice.price === reading.price)) {
      choices.push({ decimalMark, price: reading.price });
    }
  }
  if (choices.length === 0) return { ok: false, reason: plain.reason };
  return { ok: true, selector, choices, titleSymbol: symbol };
}

/**
 * The symbol to store with a picked site. The trader's entry wins; when it is the one the
 * title names (or left empty while the title names one), nothing is stored so the title
 * keeps naming it after an in-app switch to another symbol.
 */
export function symbolToStore(
  typed: string,
  fromTitle: string | null,
): { ok: true; symbol: string | null } | { ok: false; reason: string } {
  const entry = typed.trim();
  if (entry === '') {
    return fromTitle === null
      ? { ok: false, reason: 'Type the symbol this price is for (the page title does not name it).' }
      : { ok: true, symbol: null };
  }
  if (entry.length > 64 || !/^[\p{L}\p{N}][\p{L}\p{N}:._/-]*$/u.test(entry)) {
    return { ok: false, reason: `"${entry}" does not look like a symbol (letters, digits and : . _ / -).` };
  }
  if (fromTitle !== null && isSameSymbol(entry, fromTitle)) return { ok: true, symbol: null };
  return { ok: true, symbol: entry };
}
