import { describe, expect, it } from 'vitest';

import { quarantineKey } from '../../../lib/store/quarantine';
import { readRecord } from '../../../lib/store/read-record';
import { createStores } from '../../../lib/store/stores';
import { countRefusal, emptySecurityRecord, SecurityRecordSchema } from '../../../lib/store/security';
import { defaultWatchSettings, WatchSettingsSchema } from '../../../lib/store/watch-settings';
import { MemoryStore } from '../worker/memory-store';

describe('readRecord', () => {
  it('gives the default for a missing record', () => {
    expect(readRecord(SecurityRecordSchema, undefined, emptySecurityRecord)).toEqual({
      status: 'missing',
      value: emptySecurityRecord(),
    });
  });

  it('hands back a corrupt record raw, with the problem, for quarantine', () => {
    const raw = { version: 1, refused: 'many' };
    const read = readRecord(SecurityRecordSchema, raw, emptySecurityRecord);
    expect(read).toMatchObject({ status: 'corrupt', value: emptySecurityRecord(), raw });
    expect(read.status === 'corrupt' && read.problem).toMatch(/^refused: /);
  });

  it('names quarantine keys by record and time', () => {
    expect(quarantineKey('quotes', 1234)).toBe('quarantine/quotes/1234');
  });
});

describe('watch settings', () => {
  it('repairs a bad field to its default and keeps the good one', () => {
    const read = readRecord(
      WatchSettingsSchema,
      { version: 1, staleAfterSeconds: 2, jumpHoldPercent: -5 },
      defaultWatchSettings,
    );
    expect(read).toEqual({ status: 'ok', value: { version: 1, staleAfterSeconds: 2, jumpHoldPercent: 20 } });
  });

  it('defaults to 30 s and 20 %', () => {
    expect(defaultWatchSettings()).toEqual({ version: 1, staleAfterSeconds: 30, jumpHoldPercent: 20 });
  });
});

describe('security record', () => {
  it('counts refusals in total and per reason, remembering the last', () => {
    let record = countRefusal(emptySecurityRecord(), { reason: 'malformed', type: 'tick' }, 10);
    record = countRefusal(record, { reason: 'malformed', type: 'stale' }, 20);
    record = countRefusal(record, { reason: 'origin-not-allowed', type: 'tick' }, 30);
    expect(record).toEqual({
      version: 1,
      refused: 3,
      refusedByReason: { malformed: 2, 'origin-not-allowed': 1 },
      lastRefused: { reason: 'origin-not-allowed', type: 'tick', at: 30 },
    });
  });
});

describe('the one quarantine', () => {
  const AT = Date.UTC(2026, 10, 26, 9, 30);
  const storesOn = (local: MemoryStore) =>
    createStores({
      local,
      session: new MemoryStore(),
      now: () => AT,
      log: () => undefined,
      newId: () => 'r1',
    });

  it('sets an unreadable record aside once when two readers find it at the same time, and resets it', async () => {
    const local = new MemoryStore();
    await local.set({ 'watch-settings': 'half written' });
    const stores = storesOn(local);
    await Promise.all([stores.watchSettings.read(), stores.watchSettings.read()]);
    expect(await local.get(null)).toEqual({
      'watch-settings': defaultWatchSettings(),
      [`quarantine/watch-settings/${AT}`]: {
        key: 'watch-settings',
        raw: 'half written',
        problem: 'unreadable: expected object, received string',
        at: AT,
      },
    });
  });

  it('keeps a list’s readable entries and sets only the unreadable ones aside', async () => {
    const local = new MemoryStore();
    const entry = { at: 1, event: 'import', input: {}, effects: [] };
    await local.set({ 'journal/p1': [entry, { at: 'later' }, entry] });
    const stores = storesOn(local);
    const [first, second] = await Promise.all([stores.journals.read('p1'), stores.journals.read('p1')]);
    expect([first, second]).toEqual([
      [entry, entry],
      [entry, entry],
    ]);
    expect(await local.get(null)).toEqual({
      'journal/p1': [entry, entry],
      [`quarantine/journal/p1/${AT}`]: {
        key: 'journal/p1',
        raw: [{ at: 'later' }],
        problem: '1 of 3 journal entries unreadable (entry 2: at: expected number, received string)',
        at: AT,
      },
    });
  });
});
