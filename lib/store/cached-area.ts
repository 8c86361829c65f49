import type { StorageArea, StorageChanges } from './storage-area';
import { isKeptInMemory } from './stored-keys';

/** What the cache knows of one key: the JSON stored under it, or `undefined` for nothing stored. */
interface Known {
  readonly json: string | undefined;
}

export interface CachedAreaDeps {
  /** The browser's area: the one truth; the cache only spares it the reads. */
  readonly area: StorageArea;
  /** The keys worth keeping in memory (small records read on every price), not the tick history. */
  readonly keepsInMemory: (key: string) => boolean;
  /** Calls `listener` with every change to the area, whoever made it (`storage.onChanged`). */
  readonly watchChanges: (listener: (changes: StorageChanges) => void) => void;
}

/**
 * A storage area that keeps in memory what it read and wrote under the keys the worker
 * reads on every price (the quotes, the plans, the settings, the outbox), so that a quiet
 * price costs one write and no read. The browser's area stays the one truth: each write
 * goes to it as one `set` (atomic, as before), and the memory holds a value only once the
 * area has it. A worker the browser stops loses the memory and reads the area again.
 *
 * Coherent with writes from elsewhere (an extension page, DevTools, a test): a change the
 * area reports that is not what the memory holds forgets the key, and a read that was
 * already on its way when a key changed is not kept. Values are kept as JSON, so every read
 * hands out a fresh copy, as the browser's area does.
 */
export function cachedArea({ area, keepsInMemory, watchChanges }: CachedAreaDeps): StorageArea {
  const known = new Map<string, Known>();
  /** The JSON of each write of ours not yet landed, per key: its echo changes nothing. */
  const landing = new Map<string, (string | undefined)[]>();
  /** When each key last changed (a write issued, a change reported): older reads are not kept. */
  const changedAt = new Map<string, number>();
  let clock = 0;

  const touch = (key: string): number => {
    clock += 1;
    changedAt.set(key, clock);
    return clock;
  };
  const isUnchangedSince = (key: string, stamp: number) => (changedAt.get(key) ?? 0) <= stamp;

  watchChanges((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      if (!keepsInMemory(key)) continue;
      const held = known.get(key);
      const isKnown = held !== undefined && isSameValue(held.json, change.newValue);
      const isOurs = landing.get(key)?.some((json) => isSameValue(json, change.newValue)) === true;
      if (isKnown || isOurs) continue;
      known.delete(key);
      touch(key);
    }
  });

  /**
   * Write through: the write goes to the area; once it has landed, the memory holds what
   * it wrote (`json` of each key, `undefined` for a removal) unless the key changed since.
   */
  const writeThrough = async (
    keys: readonly string[],
    jsonFor: (key: string) => string | undefined,
    write: () => Promise<void>,
  ) => {
    const entries = keys.filter(keepsInMemory).map((key) => {
      const json = jsonFor(key);
      known.delete(key);
      landing.set(key, [...(landing.get(key) ?? []), json]);
      return { key, json, stamp: touch(key) };
    });
    try {
      await write();
      for (const { key, json, stamp } of entries) if (isUnchangedSince(key, stamp)) known.set(key, { json });
    } finally {
      for (const { key, json } of entries) settleLanding(landing, key, json);
    }
  };

  const cached: StorageArea = {
    get: async (keys) => {
      if (keys === null) return area.get(null);
      const wanted = typeof keys === 'string' ? [keys] : keys;
      const result: Record<string, unknown> = {};
      const missing: string[] = [];
      for (const key of wanted) {
        const hit = known.get(key);
        if (hit === undefined) missing.push(key);
        else if (hit.json !== undefined) result[key] = JSON.parse(hit.json);
      }
      if (missing.length === 0) return result;
      const stamp = clock;
      const read = await area.get(missing);
      for (const key of missing) {
        const value = read[key];
        if (value !== undefined) result[key] = value;
        if (keepsInMemory(key) && isUnchangedSince(key, stamp)) known.set(key, { json: jsonOf(value) });
      }
      return result;
    },
    set: (items) =>
      writeThrough(
        Object.keys(items),
        (key) => jsonOf(items[key]),
        () => area.set(items),
      ),
    remove: (keys) =>
      writeThrough(
        typeof keys === 'string' ? [keys] : keys,
        () => undefined,
        () => area.remove(keys),
      ),
  };
  const getKeys = area.getKeys?.bind(area);
  return getKeys === undefined ? cached : { ...cached, getKeys };
}

/** The value as the area keeps it: JSON, or `undefined` for nothing stored. */
function jsonOf(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/**
 * Whether `value` (as a change reports it) is what `json` holds. Chrome reports and reads
 * back objects with their keys sorted, so a value written as `{ version, quotes }` comes
 * back as `{ quotes, version }`: the same value.
 */
function isSameValue(json: string | undefined, value: unknown): boolean {
  if (json === undefined || value === undefined) return json === jsonOf(value);
  return json === JSON.stringify(value) || sortedJson(JSON.parse(json)) === sortedJson(value);
}

/** JSON with every object's keys in order: equal for equal values, whatever order their keys came in. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) =>
    part !== null && typeof part === 'object' && !Array.isArray(part)
      ? Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : part,
  );
}

/** One write of ours under `key` has landed (or failed): its echo is no longer awaited. */
function settleLanding(
  landing: Map<string, (string | undefined)[]>,
  key: string,
  json: string | undefined,
): void {
  const pending = landing.get(key) ?? [];
  const at = pending.indexOf(json);
  const rest = at === -1 ? pending : [...pending.slice(0, at), ...pending.slice(at + 1)];
  if (rest.length === 0) landing.delete(key);
  else landing.set(key, rest);
}

/**
 * The worker's view of `area`: its small records kept in memory when the area reports its
 * changes; the area itself when it cannot (then nothing could tell the memory it is stale).
 */
export function withMemory(area: StorageArea): StorageArea {
  const changes = area.onChanged;
  if (changes === undefined) return area;
  return cachedArea({
    area,
    keepsInMemory: isKeptInMemory,
    watchChanges: (listener) => changes.addListener(listener),
  });
}
