import type { JournalEntry } from '../store/journal';

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
  'revision',
  'changes',
] as const;

/**
 * The journal as CSV: one row per effect (or one per event without effects), the input
 * repeated on each, so a spreadsheet can filter fills or alerts. An adjustment or a
 * correction also gives the plan's version before and after it (`v2 → v3`) and what
 * changed, one change after another.
 */
export function journalToCsv(entries: readonly JournalEntry[]): string {
  const rows: string[][] = [CSV_COLUMNS.slice()];
  for (const entry of entries) {
    const input = Object.entries(entry.input)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    const revision =
      entry.revision === undefined ? '' : `v${entry.revision.from + 1} → v${entry.revision.to + 1}`;
    const changes = (entry.changes ?? []).join('; ');
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
        revision,
        changes,
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
