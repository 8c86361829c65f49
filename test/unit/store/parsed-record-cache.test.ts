import { describe, expect, it } from 'vitest';

import { ParsedRecordCache } from '../../../lib/store/parsed-record-cache';

/* Records read again only when what is stored under their key changed. */

function counting() {
  const parses: unknown[] = [];
  const parse = (raw: unknown) => {
    parses.push(raw);
    const value = (raw as { price?: unknown }).price;
    return typeof value === 'string' ? { price: value } : null;
  };
  return { cache: new ParsedRecordCache<{ price: string }>(), parse, parses };
}

describe('parsed record cache', () => {
  it('parses a value stored again unchanged once, and hands out the same record', () => {
    const { cache, parse, parses } = counting();
    const first = cache.read('plan/a', { price: '100' }, parse);
    const again = cache.read('plan/a', { price: '100' }, parse);
    expect(again).toBe(first);
    expect(parses).toHaveLength(1);
  });

  it('parses again a value that changed, and one under another key', () => {
    const { cache, parse, parses } = counting();
    cache.read('plan/a', { price: '100' }, parse);
    expect(cache.read('plan/a', { price: '101' }, parse)).toEqual({ price: '101' });
    cache.read('plan/b', { price: '101' }, parse);
    expect(parses).toHaveLength(3);
  });

  it('needs no parse for a record it was told is being stored', () => {
    const { cache, parse, parses } = counting();
    const written = { price: '102' };
    cache.remember('plan/a', { price: '102' }, written);
    expect(cache.read('plan/a', { price: '102' }, parse)).toBe(written);
    expect(parses).toEqual([]);
  });

  it('keeps nothing for an unreadable value: it is parsed (and judged) every time', () => {
    const { cache, parse, parses } = counting();
    expect(cache.read('plan/a', { price: 5 }, parse)).toBeNull();
    expect(cache.read('plan/a', { price: 5 }, parse)).toBeNull();
    expect(parses).toHaveLength(2);
  });

  it('forgets the keys no longer kept', () => {
    const { cache, parse, parses } = counting();
    cache.read('plan/a', { price: '100' }, parse);
    cache.read('plan/b', { price: '100' }, parse);
    cache.keepOnly(['plan/b']);
    cache.read('plan/a', { price: '100' }, parse);
    cache.read('plan/b', { price: '100' }, parse);
    expect(parses).toHaveLength(3);
  });
});
