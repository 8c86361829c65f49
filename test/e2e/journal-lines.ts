/** A plan's journal entry as stored (`journal/<id>`), as far as the tests read it. */
export interface JournalEntry {
  readonly event: string;
  readonly input: Record<string, unknown>;
  readonly effects: Record<string, unknown>[];
}

/** A journal entry as one line: the event, what it carried, what it produced. */
export function describeEntry(entry: JournalEntry): string {
  const input = entry.input['price'] ?? entry.input['tranche'] ?? '';
  const effects = entry.effects.map((effect) =>
    [effect['type'], effect['kind'] ?? effect['phase'], effect['tranche']].filter(Boolean).join(' '),
  );
  return [`${entry.event}${input === '' || input === null ? '' : ` ${String(input)}`}`, ...effects].join(
    ' · ',
  );
}
