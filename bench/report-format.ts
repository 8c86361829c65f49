/** Whether a figure meets its target, as the bench's table says it. */
export function verdict(isMet: boolean, target: string): string {
  return `${isMet ? 'meets' : 'MISSES'} target ${target}`;
}

/** A figure rounded for the JSON object: `round(1.23456, 3)` is 1.235. */
export function round(value: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}

/** Rows of name, value and verdict, and the lines of detail printed under them. */
export interface Table {
  readonly rows: readonly (readonly [name: string, value: string, verdict: string])[];
  readonly notes: readonly string[];
}

/** The tables' rows aligned as one table under the title, then every table's notes. */
export function formatTable(title: string, tables: readonly Table[]): string {
  const rows = tables.flatMap((table) => table.rows);
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = [
    title,
    '',
    ...rows.map(([name, value, note]) =>
      `${name.padEnd(nameWidth)}  ${value.padStart(valueWidth)}  ${note}`.trimEnd(),
    ),
    '',
    ...tables.flatMap((table) => table.notes),
  ];
  return `${lines.join('\n')}\n`;
}
