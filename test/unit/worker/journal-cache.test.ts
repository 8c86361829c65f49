import { describe, expect, it } from 'vitest';

import type { JournalEntry } from '../../../lib/store/journal';
import { JournalCache } from '../../../lib/worker/journal-cache';

/* The journals as the views read them: once, and again only after a write to one. */

function counted(fail: { isFailing: boolean } = { isFailing: false }) {
  const reads: string[] = [];
  const cache = new JournalCache(async (planId) => {
    reads.push(planId);
    if (fail.isFailing) throw new Error('storage is unreadable');
    return [] as JournalEntry[];
  });
  return { cache, reads };
}

describe('journal cache', () => {
  it('reads a plan’s journal once for any number of views', async () => {
    const { cache, reads } = counted();
    await Promise.all([cache.read('plan1'), cache.read('plan1')]);
    await cache.read('plan1');
    await cache.read('plan2');
    expect(reads).toEqual(['plan1', 'plan2']);
  });

  it.each<[string, string[], string[]]>([
    ['its journal', ['journal/plan1'], ['plan1', 'plan2', 'plan1']],
    ['its record and the quotes', ['plan/plan1', 'quotes'], ['plan1', 'plan2']],
    ['the other plan’s journal', ['journal/plan2'], ['plan1', 'plan2', 'plan2']],
  ])('after a write of %s, reads again only the journals written', async (_, keys, expected) => {
    const { cache, reads } = counted();
    await cache.read('plan1');
    await cache.read('plan2');
    cache.noticeWrite(keys);
    await cache.read('plan1');
    await cache.read('plan2');
    expect(reads).toEqual(expected);
  });

  it('does not keep a read that failed', async () => {
    const fail = { isFailing: true };
    const { cache, reads } = counted(fail);
    await expect(cache.read('plan1')).rejects.toThrow('storage is unreadable');
    fail.isFailing = false;
    expect(await cache.read('plan1')).toEqual([]);
    expect(reads).toEqual(['plan1', 'plan1']);
  });
});
