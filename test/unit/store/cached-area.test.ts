import { describe, expect, it } from 'vitest';

import { cachedArea } from '../../../lib/store/cached-area';
import type { StorageArea, StorageChanges } from '../../../lib/store/storage-area';
import { isKeptInMemory } from '../../../lib/store/stored-keys';

/*
 * The worker's records in memory, written through to the browser's area: reads spared,
 * every write still one `set`, and the area the one truth (outside writes, a stopped
 * worker, a failed write).
 */

/** A value as Chrome stores it: every object's keys in order. */
function inChromeOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inChromeOrder);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, inChromeOrder((value as Record<string, unknown>)[key])]));
}

/**
 * storage.local as Chrome gives it, counting its calls: a JSON round trip per write, objects
 * read back and reported with their keys sorted, and `onChanged` reported as a write lands.
 */
class CountingArea implements StorageArea {
  readonly data = new Map<string, string>();
  readonly calls: string[] = [];
  private readonly listeners: ((changes: StorageChanges) => void)[] = [];
  /** Reads wait for this before answering (a read on its way). */
  pendingRead: Promise<void> | null = null;
  failNextSet = false;

  readonly onChanged = {
    addListener: (listener: (changes: StorageChanges) => void) => void this.listeners.push(listener),
  };

  async get(keys: string | string[] | null) {
    this.calls.push(`get ${keys === null ? 'null' : ([] as string[]).concat(keys).join(',')}`);
    const wanted = keys === null ? [...this.data.keys()] : ([] as string[]).concat(keys);
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const json = this.data.get(key);
      if (json !== undefined) out[key] = JSON.parse(json);
    }
    if (this.pendingRead !== null) await this.pendingRead;
    return out;
  }

  async set(items: Record<string, unknown>) {
    this.calls.push(`set ${Object.keys(items).join(',')}`);
    if (this.failNextSet) {
      this.failNextSet = false;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.write(items);
  }

  async remove(keys: string | string[]) {
    this.calls.push(`remove ${([] as string[]).concat(keys).join(',')}`);
    this.erase(([] as string[]).concat(keys));
  }

  /** A write by someone else (an extension page, DevTools): not counted. */
  outsideWrite(items: Record<string, unknown>) {
    this.write(items);
  }

  outsideRemove(keys: string[]) {
    this.erase(keys);
  }

  private erase(keys: readonly string[]) {
    const changes: Record<string, { newValue?: unknown }> = {};
    for (const key of keys) {
      this.data.delete(key);
      changes[key] = {};
    }
    this.report(changes);
  }

  private write(items: Record<string, unknown>) {
    const changes: Record<string, { newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      this.data.set(key, JSON.stringify(inChromeOrder(value)));
      changes[key] = { newValue: inChromeOrder(JSON.parse(JSON.stringify(value))) };
    }
    this.report(changes);
  }

  private report(changes: StorageChanges) {
    for (const listener of this.listeners) listener(changes);
  }
}

function cacheOver(area: CountingArea): StorageArea {
  return cachedArea({
    area,
    keepsInMemory: isKeptInMemory,
    watchChanges: (listener) => area.onChanged.addListener(listener),
  });
}

// Written with `version` first; Chrome reports and reads them back with `quotes` first.
const QUOTE_A = { version: 1, quotes: { 'binance-futures:BTCUSDT': { price: '60000.1' } } };
const QUOTE_B = { version: 1, quotes: { 'binance-futures:BTCUSDT': { price: '60000.2' } } };

describe('cached area: reads', () => {
  it('reads a record from the area once; later reads come from memory', async () => {
    const area = new CountingArea();
    area.outsideWrite({ quotes: QUOTE_A });
    const cache = cacheOver(area);
    expect(await cache.get('quotes')).toEqual({ quotes: QUOTE_A });
    expect(await cache.get('quotes')).toEqual({ quotes: QUOTE_A });
    expect(await cache.get(['quotes'])).toEqual({ quotes: QUOTE_A });
    expect(area.calls).toEqual(['get quotes']);
  });

  it('remembers that nothing is stored under a key', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    expect(await cache.get('notifications/outbox')).toEqual({});
    expect(await cache.get('notifications/outbox')).toEqual({});
    expect(area.calls).toEqual(['get notifications/outbox']);
  });

  it('reads the keys not yet in memory in one get, and only those', async () => {
    const area = new CountingArea();
    area.outsideWrite({ 'plans/index': ['a', 'b'], 'plan/a': { id: 'a' }, 'plan/b': { id: 'b' } });
    const cache = cacheOver(area);
    await cache.get(['plans/index', 'plan/a']);
    expect(await cache.get(['plans/index', 'plan/a', 'plan/b'])).toEqual({
      'plans/index': ['a', 'b'],
      'plan/a': { id: 'a' },
      'plan/b': { id: 'b' },
    });
    expect(area.calls).toEqual(['get plans/index,plan/a', 'get plan/b']);
  });

  it('hands out a fresh copy on every read, as the browser does', async () => {
    const area = new CountingArea();
    area.outsideWrite({ 'plans/index': ['a'] });
    const cache = cacheOver(area);
    const first = (await cache.get('plans/index'))['plans/index'] as string[];
    first.push('changed by the reader');
    expect((await cache.get('plans/index'))['plans/index']).toEqual(['a']);
  });

  it.each([['tick-history/v1/BTCUSDT'], ['journal/a'], ['quarantine/quotes/1']])(
    'reads %s from the area every time (large, or read rarely)',
    async (key) => {
      const area = new CountingArea();
      area.outsideWrite({ [key]: [1, 2, 3] });
      const cache = cacheOver(area);
      await cache.get(key);
      await cache.get(key);
      expect(area.calls).toEqual([`get ${key}`, `get ${key}`]);
    },
  );

  it('reads the whole area from the area itself', async () => {
    const area = new CountingArea();
    area.outsideWrite({ quotes: QUOTE_A });
    const cache = cacheOver(area);
    await cache.get('quotes');
    expect(await cache.get(null)).toEqual({ quotes: QUOTE_A });
    expect(area.calls).toEqual(['get quotes', 'get null']);
  });
});

describe('cached area: writes', () => {
  it('writes one event as one set, and reads it back from memory', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    await cache.set({ 'plan/a': { id: 'a', step: 2 }, 'notifications/outbox': [{ id: 'n1' }] });
    expect(await cache.get(['plan/a', 'notifications/outbox'])).toEqual({
      'plan/a': { id: 'a', step: 2 },
      'notifications/outbox': [{ id: 'n1' }],
    });
    expect(area.calls).toEqual(['set plan/a,notifications/outbox']);
  });

  it('keeps what was written, not the object the writer goes on to change', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    const index = ['a'];
    await cache.set({ 'plans/index': index });
    index.push('b');
    expect((await cache.get('plans/index'))['plans/index']).toEqual(['a']);
  });

  it('reads a removed key as nothing, without asking the area', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    await cache.set({ 'plan/a': { id: 'a' } });
    await cache.remove(['plan/a']);
    expect(await cache.get('plan/a')).toEqual({});
    expect(area.calls).toEqual(['set plan/a', 'remove plan/a']);
  });

  it('keeps nothing of a write the area refused: the next read asks the area', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    await cache.set({ quotes: QUOTE_A });
    area.failNextSet = true;
    await expect(cache.set({ quotes: QUOTE_B })).rejects.toThrow('quota');
    expect(await cache.get('quotes')).toEqual({ quotes: QUOTE_A });
    expect(area.calls).toEqual(['set quotes', 'set quotes', 'get quotes']);
  });

  it('keeps the last of two writes of one key on their way together', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    await Promise.all([cache.set({ quotes: QUOTE_A }), cache.set({ quotes: QUOTE_B })]);
    expect(await cache.get('quotes')).toEqual({ quotes: QUOTE_B });
  });
});

describe('cached area: coherence with the area', () => {
  it('sees a write made elsewhere', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    await cache.set({ quotes: QUOTE_A });
    area.outsideWrite({ quotes: QUOTE_B });
    expect(await cache.get('quotes')).toEqual({ quotes: QUOTE_B });
    expect(area.calls).toEqual(['set quotes', 'get quotes']);
  });

  it('sees a removal made elsewhere', async () => {
    const area = new CountingArea();
    area.outsideWrite({ 'plan/a': { id: 'a' } });
    const cache = cacheOver(area);
    await cache.get('plan/a');
    area.outsideRemove(['plan/a']);
    expect(await cache.get('plan/a')).toEqual({});
    expect(area.calls).toEqual(['get plan/a', 'get plan/a']);
  });

  it('does not keep a read that was on its way when the key changed elsewhere', async () => {
    const area = new CountingArea();
    area.outsideWrite({ quotes: QUOTE_A });
    const cache = cacheOver(area);
    let answer = () => undefined as void;
    area.pendingRead = new Promise((done) => (answer = done));
    const reading = cache.get('quotes');
    area.outsideWrite({ quotes: QUOTE_B });
    answer();
    expect(await reading, 'what the area answered then').toEqual({ quotes: QUOTE_A });
    area.pendingRead = null;
    expect(await cache.get('quotes'), 'asked again').toEqual({ quotes: QUOTE_B });
  });

  it('takes the report of its own write for no change, keys in another order: no read follows', async () => {
    const area = new CountingArea();
    const cache = cacheOver(area);
    await cache.set({ quotes: QUOTE_A });
    await cache.set({ quotes: QUOTE_B });
    await cache.get('quotes');
    expect(area.calls).toEqual(['set quotes', 'set quotes']);
  });

  it('starts empty in a restarted worker and reads what the stopped one wrote', async () => {
    const area = new CountingArea();
    const stopped = cacheOver(area);
    await stopped.set({ quotes: QUOTE_A, 'plans/index': ['a'] });
    const restarted = cacheOver(area);
    expect(await restarted.get(['quotes', 'plans/index'])).toEqual({ quotes: QUOTE_A, 'plans/index': ['a'] });
    expect(area.calls).toEqual(['set quotes,plans/index', 'get quotes,plans/index']);
  });
});
