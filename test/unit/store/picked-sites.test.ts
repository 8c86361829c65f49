import { describe, expect, it } from 'vitest';

import {
  emptyPickedSites,
  listPickedSites,
  livePickerPending,
  PICKER_PENDING_MILLIS,
  PickedSitesRecordSchema,
  withoutPickedSite,
  withPickedSite,
} from '../../../lib/store/picked-sites';

describe('picked sites', () => {
  it('adds, lists oldest first and removes sites by origin', () => {
    let record = withPickedSite(emptyPickedSites(), 'https://b.example', {
      selector: '#b',
      symbol: null,
      decimalMark: null,
      pickedAt: 2,
    });
    record = withPickedSite(record, 'http://127.0.0.1:8123', {
      selector: '#a',
      symbol: 'ABCUSD',
      decimalMark: null,
      pickedAt: 1,
    });
    expect(listPickedSites(record).map((site) => site.origin)).toEqual([
      'http://127.0.0.1:8123',
      'https://b.example',
    ]);
    record = withoutPickedSite(record, 'https://b.example');
    expect(Object.keys(record.sites)).toEqual(['http://127.0.0.1:8123']);
    expect(PickedSitesRecordSchema.safeParse(record).success).toBe(true);
  });

  it('replaces the selector when a site is picked again', () => {
    let record = withPickedSite(emptyPickedSites(), 'https://b.example', {
      selector: '#old',
      symbol: null,
      decimalMark: null,
      pickedAt: 1,
    });
    record = withPickedSite(record, 'https://b.example', {
      selector: '#new',
      symbol: null,
      decimalMark: null,
      pickedAt: 2,
    });
    expect(listPickedSites(record)).toEqual([
      { origin: 'https://b.example', selector: '#new', symbol: null, decimalMark: null, pickedAt: 2 },
    ]);
  });

  it('refuses a record keyed by something that is not an origin', () => {
    const record = {
      version: 1,
      sites: { 'javascript:alert(1)': { selector: '#a', symbol: null, decimalMark: null, pickedAt: 1 } },
    };
    expect(PickedSitesRecordSchema.safeParse(record).success).toBe(false);
  });

  it('forgets a pending picker after PICKER_PENDING_MILLIS', () => {
    const pending = { version: 1 as const, tabId: 7, origin: 'http://127.0.0.1:8123', startedAt: 1000 };
    expect(livePickerPending(pending, 1000 + PICKER_PENDING_MILLIS)).toBe(pending);
    expect(livePickerPending(pending, 1001 + PICKER_PENDING_MILLIS)).toBeNull();
    expect(livePickerPending(null, 0)).toBeNull();
  });
});
