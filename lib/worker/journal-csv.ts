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
