import { describe, expect, it } from 'vitest';

import type { QuarantineEntry } from '../../../lib/store/quarantine';
import { KeptAsideCache } from '../../../lib/worker/kept-aside-cache';

/* The planner's list of records kept aside: listed once, again only after one was written. */

function counted(entries: () => QuarantineEntry[] | Error) {
  const state = { listings: 0 };
  const cache = new KeptAsideCache(async () => {
    state.listings += 1;
    const found = entries();
    if (found instanceof Error) throw found;
    return found;
  });
  return { cache, state };
}

describe('records kept aside, as the planner lists them', () => {
  it('lists them once for any number of views', async () => {
    const { cache, state } = counted(() => []);
    await cache.read();
    await cache.read();
    await Promise.all([cache.read(), cache.read()]);
    expect(state.listings).toBe(1);
  });

  it.each<[string, string[], number]>([
    ['a record kept aside', ['quarantine/plan/plan1/1795683600000'], 2],
    ['a record kept aside among others', ['plan/plan2', 'quarantine/quotes/1795683600000'], 2],
    ['a tick’s quote and history', ['quotes', 'tick-history/v1/index'], 1],
    ['a plan and its journal', ['plan/plan1', 'journal/plan1'], 1],
  ])('after a write of %s, lists them again only if one was kept aside', async (_, keys, listings) => {
    const { cache, state } = counted(() => []);
    await cache.read();
    cache.noticeWrite(keys);
    await cache.read();
    expect(state.listings).toBe(listings);
  });

  it('does not keep a listing that failed: the next view lists again', async () => {
    let isFailing = true;
    const { cache, state } = counted(() => (isFailing ? new Error('storage is unreadable') : []));
    await expect(cache.read()).rejects.toThrow('storage is unreadable');
    isFailing = false;
    expect(await cache.read()).toEqual([]);
    expect(state.listings).toBe(2);
  });
});
