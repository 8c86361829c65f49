import { normalizeSymbol } from '../../lib/sites/symbol';
import { readFixture } from './fixture-files';
import type { QuoteChange } from './harness';

/** One step of a fixture page's scripted sequence (played by test/fixtures/e2e/runner.js). */
export interface SequenceStep {
  readonly wait: number;
  readonly title?: string;
  readonly pushState?: string;
  readonly text?: { readonly selector: string; readonly value: string };
  /** [symbol, price] the background must record after this step. */
  readonly expect?: readonly [string, string];
  /** [symbol, price] a glitch the jump guard must hold and never record. */
  readonly held?: readonly [string, string];
  /** The pause before this step is longer than the stale setting: the quote goes stale first. */
  readonly staleBefore?: boolean;
}

export interface Sequence {
  /** The adapter id the ticks carry; pages no adapter knows leave it out (their venue is their host). */
  readonly venue?: string;
  /** [symbol, price] the page shows when it loads. */
  readonly initial: readonly [string, string];
  readonly steps: readonly SequenceStep[];
}

/** The sequence a committed fixture page plays (the JSON in its #tranche-sequence script). */
export function loadSequence(file: string): Sequence {
  const match = /<script type="application\/json" id="tranche-sequence">([\s\S]*?)<\/script>/.exec(
    readFixture(file),
  );
  if (match?.[1] === undefined) throw new Error(`${file} has no #tranche-sequence script`);
  return JSON.parse(match[1]) as Sequence;
}

/**
 * What the background must record per symbol, in order: each price, and "stale" where the
 * page paused longer than the stale setting — and once more at the end, when the page
 * stops (the test waits that long).
 */
export function expectedHistory(sequence: Sequence): Map<string, string[]> {
  const bySymbol = new Map<string, string[]>();
  const add = (symbol: string, entry: string) =>
    bySymbol.set(symbol, [...(bySymbol.get(symbol) ?? []), entry]);
  let current = sequence.initial[0];
  add(current, sequence.initial[1]);
  for (const step of sequence.steps) {
    if (step.staleBefore === true) add(current, 'stale');
    if (step.expect !== undefined) {
      current = step.expect[0];
      add(current, step.expect[1]);
    }
  }
  for (const symbol of bySymbol.keys()) add(symbol, 'stale');
  return new Map([...bySymbol].map(([symbol, entries]) => [normalizeSymbol(symbol), entries]));
}

/** The recorded quote changes of one venue, per symbol: each price, or "stale". */
export function recordedHistory(changes: readonly QuoteChange[], venue: string): Map<string, string[]> {
  const bySymbol = new Map<string, string[]>();
  for (const change of changes) {
    if (change.venue !== venue) continue;
    bySymbol.set(change.symbol, [
      ...(bySymbol.get(change.symbol) ?? []),
      change.isStale ? 'stale' : change.price,
    ]);
  }
  return bySymbol;
}

/** Whether every expected symbol has recorded as many entries as expected (the sequence is over). */
export function isComplete(recorded: Map<string, string[]>, expected: Map<string, string[]>): boolean {
  return [...expected].every(([symbol, entries]) => (recorded.get(symbol)?.length ?? 0) >= entries.length);
}
