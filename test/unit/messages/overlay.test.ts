import * as z from 'zod/mini';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createBackground, type Background } from '../../../entrypoints/background/create-background';
import { handleCommand, TOGGLE_OVERLAY_COMMAND } from '../../../entrypoints/background/overlay-handlers';
import { acceptMessage, type AcceptContext } from '../../../lib/messages/accept';
import {
  FrameMessageSchema,
  OverlayPlacedMessageSchema,
  OverlayToggleMessageSchema,
} from '../../../lib/messages/overlay-frame';
import type { SenderFields } from '../../../lib/messages/sender';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const NOW = Date.UTC(2026, 10, 26, 9, 30);

const binanceTab: SenderFields = {
  id: EXTENSION_ID,
  url: 'https://www.binance.com/en/futures/BTCUSDT',
  origin: 'https://www.binance.com',
  tab: { id: 5 },
  frameId: 0,
};
/** The panel's frame: an extension page inside the exchange tab. */
const overlayFrame: SenderFields = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/overlay.html?venue=binance-futures&symbol=BTCUSDT&host=www.binance.com`,
  origin: EXTENSION_ORIGIN,
  tab: { id: 5 },
  frameId: 3,
};
const planner: SenderFields = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/options.html`,
  origin: EXTENSION_ORIGIN,
};

const CONTEXT: AcceptContext = {
  extensionId: EXTENSION_ID,
  extensionOrigin: EXTENSION_ORIGIN,
  contentOrigins: ['*://*.binance.com/*'],
  pendingPick: null,
  picked: {},
};

describe('overlay settings messages: who may send them', () => {
  const place = { type: 'overlay-settings-set', host: 'www.binance.com', position: { left: 40, top: 300 } };

  it('accepts the panel’s frame (an extension page framed into the exchange tab)', () => {
    expect(acceptMessage(place, overlayFrame, CONTEXT)).toMatchObject({ ok: true, request: place });
  });

  it.each<[string, unknown, SenderFields, string]>([
    ['a content script moving the panel', place, binanceTab, 'not-extension-page'],
    [
      'a content script reading the settings',
      { type: 'overlay-settings-get' },
      binanceTab,
      'not-extension-page',
    ],
    [
      'a position without a site',
      { type: 'overlay-settings-set', position: { left: 1, top: 2 } },
      planner,
      'malformed',
    ],
    [
      'a host that is not a host',
      { type: 'overlay-settings-get', host: 'https://x.com/' },
      planner,
      'malformed',
    ],
    ['a negative position', { ...place, position: { left: -1, top: 0 } }, overlayFrame, 'malformed'],
    ['an unknown field', { ...place, isTrusted: true }, overlayFrame, 'malformed'],
  ])('refuses %s', (_, raw, sender, reason) => {
    expect(acceptMessage(raw, sender, CONTEXT)).toEqual({
      ok: false,
      reason,
      type: (raw as { type: string }).type,
    });
  });
});

describe('the panel’s window messages', () => {
  it('accepts the frame’s layout and drag reports, and nothing else on the channel', () => {
    const layout = {
      channel: 'tranche-overlay',
      type: 'layout',
      isWanted: true,
      isCollapsed: false,
      width: 300,
      height: 420,
      position: null,
    };
    const drag = { channel: 'tranche-overlay', type: 'drag', phase: 'move', screenX: 900, screenY: -20 };
    expect(z.safeParse(FrameMessageSchema, layout).success).toBe(true);
    expect(z.safeParse(FrameMessageSchema, drag).success).toBe(true);
    expect(z.safeParse(FrameMessageSchema, { ...layout, width: 300.5 }).success, 'whole pixels').toBe(false);
    expect(z.safeParse(FrameMessageSchema, { ...drag, channel: 'page' }).success).toBe(false);
    expect(z.safeParse(FrameMessageSchema, { type: 'placed' }).success).toBe(false);
  });

  it('the frame accepts only a placed position from the content script', () => {
    const placed = { channel: 'tranche-overlay', type: 'placed', position: { left: 8, top: 300 } };
    expect(z.safeParse(OverlayPlacedMessageSchema, placed).success).toBe(true);
    expect(z.safeParse(OverlayPlacedMessageSchema, { ...placed, plan: 'p1' }).success).toBe(false);
  });
});

describe('background: overlay settings', () => {
  let background: Background;
  beforeEach(() => {
    fakeBrowser.reset();
    background = createBackground({
      local: fakeBrowser.storage.local,
      session: fakeBrowser.storage.session,
      now: () => NOW,
      extensionId: EXTENSION_ID,
      extensionOrigin: `${EXTENSION_ORIGIN}/`,
      manifestPatterns: ['*://*.binance.com/*'],
      pickerApis: {
        getTabUrl: async () => undefined,
        hasOriginPermission: async () => false,
        removeOriginPermission: async () => undefined,
        injectFile: async () => undefined,
        getRegisteredScripts: async () => [],
        registerScript: async () => undefined,
        updateScript: async () => undefined,
        unregisterScript: async () => undefined,
      },
      matchPatternFor: (origin) => `${origin}/*`,
      notifier: {
        show: async () => undefined,
        shown: async () => [],
        clear: async () => undefined,
        explain: async () => undefined,
      },
      badge: { set: async () => undefined },
      newId: () => 'plan1',
    });
  });

  it('a site never seen: the default corner, expanded, hidden without a plan', async () => {
    expect(
      await background.handleMessage({ type: 'overlay-settings-get', host: 'www.binance.com' }, overlayFrame),
    ).toEqual({ ok: true, isShownWithoutPlan: false, site: { position: null, isCollapsed: false } });
  });

  it('remembers the place and the fold per site, and the planner’s switch for all', async () => {
    const set = (change: object, sender: SenderFields) =>
      background.handleMessage({ type: 'overlay-settings-set', ...change }, sender);
    expect(await set({ host: 'www.binance.com', position: { left: 40, top: 300 } }, overlayFrame)).toEqual({
      ok: true,
    });
    expect(await set({ host: 'www.binance.com', isCollapsed: true }, overlayFrame)).toEqual({ ok: true });
    expect(await set({ isShownWithoutPlan: true }, planner)).toEqual({ ok: true });
    expect(
      await background.handleMessage({ type: 'overlay-settings-get', host: 'www.binance.com' }, overlayFrame),
    ).toEqual({
      ok: true,
      isShownWithoutPlan: true,
      site: { position: { left: 40, top: 300 }, isCollapsed: true },
    });
    expect(
      await background.handleMessage({ type: 'overlay-settings-get', host: 'www.bybit.com' }, overlayFrame),
      'another site keeps the default place',
    ).toEqual({ ok: true, isShownWithoutPlan: true, site: { position: null, isCollapsed: false } });
    expect((await fakeBrowser.storage.local.get('overlay-settings'))['overlay-settings']).toEqual({
      version: 1,
      isShownWithoutPlan: true,
      sites: { 'www.binance.com': { position: { left: 40, top: 300 }, isCollapsed: true, updatedAt: NOW } },
    });
  });

  it('keeps every concurrent change (writes are serialized)', async () => {
    await Promise.all(
      ['a.com', 'b.com', 'c.com', 'd.com'].map((host) =>
        background.handleMessage({ type: 'overlay-settings-set', host, isCollapsed: true }, overlayFrame),
      ),
    );
    const stored = (await fakeBrowser.storage.local.get('overlay-settings'))['overlay-settings'] as {
      sites: Record<string, unknown>;
    };
    expect(Object.keys(stored.sites).sort()).toEqual(['a.com', 'b.com', 'c.com', 'd.com']);
  });

  it('quarantines a record it cannot read and starts afresh', async () => {
    await fakeBrowser.storage.local.set({ 'overlay-settings': { version: 9 } });
    await background.handleMessage({ type: 'overlay-settings-get' }, planner);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored[`quarantine/overlay-settings/${NOW}`]).toMatchObject({
      key: 'overlay-settings',
      raw: { version: 9 },
    });
    expect(stored['overlay-settings']).toEqual({ version: 1, isShownWithoutPlan: false, sites: {} });
  });

  it('refuses and counts a content script’s attempt to move the panel, changing nothing', async () => {
    expect(
      await background.handleMessage(
        { type: 'overlay-settings-set', host: 'www.binance.com', isCollapsed: true },
        binanceTab,
      ),
    ).toEqual({ ok: false, error: 'refused: not-extension-page' });
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored['overlay-settings']).toBeUndefined();
    expect(stored['security']).toMatchObject({ refused: 1 });
  });
});

describe('the keyboard shortcut', () => {
  it('tells the tab it was pressed on to toggle its panel', async () => {
    const sendToTab = vi.fn(async (_tabId: number, _message: unknown) => undefined);
    const activeTabId = vi.fn(async () => 9);
    expect(await handleCommand(TOGGLE_OVERLAY_COMMAND, 5, { sendToTab, activeTabId })).toBe(true);
    expect(sendToTab).toHaveBeenCalledWith(5, { type: 'overlay-toggle' });
    expect(activeTabId).not.toHaveBeenCalled();
    expect(z.safeParse(OverlayToggleMessageSchema, sendToTab.mock.calls[0]?.[1]).success).toBe(true);
  });

  it('without a tab from the browser, the active tab', async () => {
    const sendToTab = vi.fn(async () => undefined);
    expect(
      await handleCommand(TOGGLE_OVERLAY_COMMAND, undefined, { sendToTab, activeTabId: async () => 9 }),
    ).toBe(true);
    expect(sendToTab).toHaveBeenCalledWith(9, { type: 'overlay-toggle' });
  });

  it('ignores other commands, and a tab where no content script listens', async () => {
    const sendToTab = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await handleCommand('other', 5, { sendToTab, activeTabId: async () => 9 })).toBe(false);
    expect(sendToTab).not.toHaveBeenCalled();
    expect(await handleCommand(TOGGLE_OVERLAY_COMMAND, 5, { sendToTab, activeTabId: async () => 9 })).toBe(
      false,
    );
    expect(
      await handleCommand(TOGGLE_OVERLAY_COMMAND, undefined, {
        sendToTab,
        activeTabId: async () => undefined,
      }),
    ).toBe(false);
  });
});
