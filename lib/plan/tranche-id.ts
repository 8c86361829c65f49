import type { Side } from './schema';

/**
 * The names of a plan's tranches, in one place: `entry`, `add-1`…, `target-1`… (1-based,
 * in plan order), and `stop` for the stop of the open lots. Every reader of a tranche id
 * (the engine, the words, the checks, the messages) goes through `parseTrancheId`.
 */
export type TrancheKind = 'entry' | 'add' | 'target';

export type TrancheRef =
  | { readonly kind: 'entry'; readonly index: 0 }
  | { readonly kind: 'add' | 'target'; readonly index: number }
  | { readonly kind: 'stop'; readonly index: 0 };

/** The id of the entry, or of the `index`-th add or target (1-based). */
export function trancheId(kind: TrancheKind, index: number): string {
  return kind === 'entry' ? 'entry' : `${kind}-${index}`;
}

/** At most 999 adds or targets can be named; the plan format allows far fewer. */
export const TRANCHE_ID_PATTERN = /^(entry|stop|(add|target)-[1-9]\d{0,2})$/;

/** What an id names, or null for a text that is no tranche id. */
export function parseTrancheId(id: string): TrancheRef | null {
  if (!TRANCHE_ID_PATTERN.test(id)) return null;
  if (id === 'entry' || id === 'stop') return { kind: id, index: 0 };
  const [kind, index] = id.split('-') as ['add' | 'target', string];
  return { kind, index: Number(index) };
}

/** The entry and adds open lots; targets and the stop close them. */
export function isOpening(id: string): boolean {
  const ref = parseTrancheId(id);
  return ref !== null && (ref.kind === 'entry' || ref.kind === 'add');
}

/** The order a tranche is: a long buys to open (entry, adds) and sells to close (targets, stop); a short the reverse. */
export function orderSide(side: Side, id: string): 'buy' | 'sell' {
  return isOpening(id) === (side === 'long') ? 'buy' : 'sell';
}
