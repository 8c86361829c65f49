import { z } from 'zod';

import type { Effect } from '../engine/effects';
import type { Plan } from '../plan/schema';
import { effectWords } from '../words/effect-words';

/**
 * The journal of one plan: every event that changed something (the tick that triggered it,
 * each confirmation and lifecycle action) with its time and what it produced. Ticks that
 * cross nothing are not journaled: the tick history keeps those.
 */
export const JOURNAL_PREFIX = 'journal/';

export function journalKey(planId: string): string {
  return `${JOURNAL_PREFIX}${planId}`;
}

export const JournalEntrySchema = z.object({
  /** When the background handled it. */
  at: z.number(),
  /** tick, fill, skip, cancel, stale, import, arm, pause, resume, close, mute, unmute, edit. */
  event: z.string(),
  /** The tick or confirmation as received (price, qty, time, source, request id). */
  input: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** What the engine said: alerts, fills, skips, phases, refusals. */
  effects: z.array(z.record(z.string(), z.unknown())),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/**
 * The effects as the journal keeps them: the engine's data, and the sentence the trader was
 * told (`text`) for the popup's recent alerts and the CSV export.
 */
export function journalEffects(plan: Plan, effects: readonly Effect[]): Record<string, unknown>[] {
  return effects.map((effect) => {
    const text = effectWords(plan, effect);
    return text === null ? { ...effect } : { ...effect, text };
  });
}
export const JournalSchema = z.array(JournalEntrySchema);

const CSV_COLUMNS = [
  'at',
  'event',
  'input',
  'effect',
  'kind',
  'tranche',
  'side',
  'price',
  'qty',
  'position',
  'stop',
  'text',
] as const;

/**
 * The journal as CSV: one row per effect (or one per event without effects), the input
 * repeated on each, so a spreadsheet can filter fills or alerts.
 */
export function journalToCsv(entries: readonly JournalEntry[]): string {
  const rows: string[][] = [CSV_COLUMNS.slice()];
  for (const entry of entries) {
    const input = Object.entries(entry.input)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    const effects = entry.effects.length > 0 ? entry.effects : [{}];
    for (const effect of effects) {
      const field = (name: string) => {
        const value = effect[name];
        return value === undefined || value === null ? '' : String(value);
      };
      rows.push([
        new Date(entry.at).toISOString(),
        entry.event,
        input,
        field('type'),
        field('kind'),
        field('tranche'),
        field('side'),
        field('price'),
        field('qty'),
        field('position'),
        field('stop'),
        field('text') || field('reason'),
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
