import { describe, expect, it } from 'vitest';

import {
  applyOverlayChange,
  defaultOverlaySettings,
  OVERLAY_SITES_LIMIT,
  OverlaySettingsSchema,
  type OverlaySettings,
} from '../../../lib/store/overlay-settings';
import { readRecord } from '../../../lib/store/read-record';

describe('overlay settings record', () => {
  it('reads a good record as it is', () => {
    const stored: OverlaySettings = {
      version: 1,
      isShownWithoutPlan: true,
      sites: { 'www.binance.com': { position: { left: 40, top: 300 }, isCollapsed: true, updatedAt: 7 } },
    };
    expect(OverlaySettingsSchema.parse(stored)).toEqual(stored);
  });

  it('repairs field by field: a bad switch and a bad position get their defaults; an unreadable site entry goes alone', () => {
    const read = readRecord(
      OverlaySettingsSchema,
      {
        version: 1,
        isShownWithoutPlan: 'yes',
        sites: {
          'www.binance.com': { position: { left: -5, top: 10 }, isCollapsed: true, updatedAt: 3 },
          'www.bybit.com': { position: { left: 10, top: 20 }, isCollapsed: false, updatedAt: 4 },
          'Not A Host!': { position: null, isCollapsed: false, updatedAt: 1 },
          'www.okx.com': 'collapsed',
        },
      },
      defaultOverlaySettings,
    );
    expect(read).toEqual({
      status: 'ok',
      value: {
        version: 1,
        isShownWithoutPlan: false,
        sites: {
          'www.binance.com': { position: null, isCollapsed: true, updatedAt: 3 },
          'www.bybit.com': { position: { left: 10, top: 20 }, isCollapsed: false, updatedAt: 4 },
        },
      },
    });
  });

  it('a record of another version is corrupt (quarantined by the caller), not guessed at', () => {
    expect(readRecord(OverlaySettingsSchema, { version: 2 }, defaultOverlaySettings).status).toBe('corrupt');
  });
});

describe('applyOverlayChange', () => {
  it('remembers a site’s place and fold separately, keeping what the change leaves out', () => {
    let settings = applyOverlayChange(
      defaultOverlaySettings(),
      { host: 'www.binance.com', position: { left: 100, top: 200 } },
      10,
    );
    settings = applyOverlayChange(settings, { host: 'www.binance.com', isCollapsed: true }, 20);
    expect(settings.sites['www.binance.com']).toEqual({
      position: { left: 100, top: 200 },
      isCollapsed: true,
      updatedAt: 20,
    });
    expect(settings.isShownWithoutPlan).toBe(false);
  });

  it('flips the global switch without touching the sites', () => {
    const before = applyOverlayChange(defaultOverlaySettings(), { host: 'a.com', isCollapsed: true }, 1);
    const after = applyOverlayChange(before, { isShownWithoutPlan: true }, 2);
    expect(after).toEqual({ ...before, isShownWithoutPlan: true });
  });

  it('forgets the least recently changed site beyond the limit', () => {
    let settings = defaultOverlaySettings();
    for (let index = 0; index <= OVERLAY_SITES_LIMIT; index += 1) {
      settings = applyOverlayChange(settings, { host: `site${index}.com`, isCollapsed: true }, index + 1);
    }
    expect(Object.keys(settings.sites)).toHaveLength(OVERLAY_SITES_LIMIT);
    expect(settings.sites['site0.com'], 'the oldest went first').toBeUndefined();
    expect(settings.sites[`site${OVERLAY_SITES_LIMIT}.com`]).toBeDefined();
  });
});
