/**
 * The last record read under each key, with the stored value it was read from (as JSON):
 * a value stored again unchanged is not parsed again. Every price reads every plan record,
 * and parsing a plan (its schema, its decimal fields) cost most of a tick's time; a quiet
 * tick changes no record, and a record the worker writes is remembered as it writes it.
 * Records are immutable values (the engine returns new ones), so the same record is handed
 * out again.
 */
export class ParsedRecordCache<T> {
  private readonly byKey = new Map<string, { readonly json: string; readonly record: T }>();

  /** The record read from `raw`: the cached one when `raw` is what it was read from, else `parse(raw)`. */
  read(key: string, raw: unknown, parse: (raw: unknown) => T | null): T | null {
    const json = JSON.stringify(raw);
    const cached = this.byKey.get(key);
    if (cached !== undefined && cached.json === json) return cached.record;
    const record = parse(raw);
    if (record === null) this.byKey.delete(key);
    else this.byKey.set(key, { json, record });
    return record;
  }

  /** `record` is being stored as `raw`: reading it back needs no parse. */
  remember(key: string, raw: unknown, record: T): void {
    this.byKey.set(key, { json: JSON.stringify(raw), record });
  }

  /** Forget every key but these (the plans still on the index): the cache holds at most one record per plan. */
  keepOnly(keys: readonly string[]): void {
    const kept = new Set(keys);
    for (const key of this.byKey.keys()) if (!kept.has(key)) this.byKey.delete(key);
  }
}
