import { describe, expect, it } from 'vitest';

import {
  checkExtensionPageSender,
  checkSender,
  originMatchesPattern,
  originToMatchPattern,
  type SenderFields,
} from '../../../lib/messages/sender';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
// The manifest's content-script matches, plus one picked origin.
const ALLOWED = ['*://*.tradingview.com/*', '*://*.binance.com/*', 'http://127.0.0.1:8123/*'];

function contentSender(url: string, extra: Partial<SenderFields> = {}): SenderFields {
  return { id: EXTENSION_ID, url, origin: new URL(url).origin, tab: { id: 7 }, frameId: 0, ...extra };
}

describe('originMatchesPattern', () => {
  it.each([
    ['https://www.tradingview.com', '*://*.tradingview.com/*', true],
    ['https://tradingview.com', '*://*.tradingview.com/*', true],
    ['http://in.tradingview.com', '*://*.tradingview.com/*', true],
    ['https://tradingview.com.evil.example', '*://*.tradingview.com/*', false],
    ['https://eviltradingview.com', '*://*.tradingview.com/*', false],
    ['https://www.binance.com:8443', '*://*.binance.com/*', true],
    ['https://www.binance.com', 'http://*.binance.com/*', false],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123/*', true],
    ['http://127.0.0.1:9999', 'http://127.0.0.1:8123/*', false],
    ['http://127.0.0.1:9999', 'http://127.0.0.1/*', true],
    ['https://example.com', 'https://example.com:443/*', true],
    ['https://example.com', '*://*/*', true],
    ['https://example.com', '<all_urls>', true],
    ['chrome-extension://abc', '*://*/*', false],
    ['https://example.com', 'not a pattern', false],
  ])('%s against %s: %s', (origin, pattern, expected) => {
    expect(originMatchesPattern(origin, pattern)).toBe(expected);
  });
});

describe('originToMatchPattern', () => {
  it.each([
    ['http://127.0.0.1:8123', true, 'http://127.0.0.1:8123/*'],
    ['http://127.0.0.1:8123', false, 'http://127.0.0.1/*'],
    ['https://example.com', true, 'https://example.com/*'],
  ])('%s (port kept: %s) is %s', (origin, withPort, expected) => {
    expect(originToMatchPattern(origin, { withPort })).toBe(expected);
  });

  it('refuses what is not an http(s) origin', () => {
    expect(() => originToMatchPattern('chrome-extension://abc', { withPort: true })).toThrow(/not an http/);
  });
});

describe('checkSender', () => {
  it('accepts this extension’s content script on a supported origin, with its tab and frame', () => {
    expect(
      checkSender(contentSender('https://www.binance.com/en/futures/BTCUSDT'), EXTENSION_ID, ALLOWED),
    ).toEqual({
      ok: true,
      origin: 'https://www.binance.com',
      url: 'https://www.binance.com/en/futures/BTCUSDT',
      tabId: 7,
      frameId: 0,
    });
  });

  it('accepts a picked origin on its exact port', () => {
    expect(checkSender(contentSender('http://127.0.0.1:8123/quote'), EXTENSION_ID, ALLOWED).ok).toBe(true);
  });

  it.each<[string, SenderFields, string]>([
    [
      'another extension',
      contentSender('https://www.binance.com/', { id: 'z'.repeat(32) }),
      'foreign-extension',
    ],
    [
      'no id at all (a web page)',
      contentSender('https://www.binance.com/', { id: undefined }),
      'foreign-extension',
    ],
    [
      'the service worker or popup (no tab)',
      { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html` },
      'not-in-tab',
    ],
    [
      'an extension page opened in a tab',
      { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html`, origin: EXTENSION_ORIGIN, tab: { id: 3 } },
      'no-web-origin',
    ],
    [
      'a sandboxed frame (opaque origin)',
      contentSender('https://www.binance.com/', { origin: 'null' }),
      'no-web-origin',
    ],
    ['a site no adapter covers', contentSender('https://evil.example/'), 'origin-not-allowed'],
    ['a picked host on another port', contentSender('http://127.0.0.1:9999/'), 'origin-not-allowed'],
  ])('refuses %s', (_, sender, reason) => {
    expect(checkSender(sender, EXTENSION_ID, ALLOWED)).toEqual({ ok: false, reason });
  });

  it('judges by the stamped origin, not the URL (an about:blank frame inherits its parent’s)', () => {
    const aboutBlank: SenderFields = {
      id: EXTENSION_ID,
      url: 'about:blank',
      origin: 'https://www.tradingview.com',
      tab: { id: 7 },
      frameId: 4,
    };
    expect(checkSender(aboutBlank, EXTENSION_ID, ALLOWED)).toMatchObject({ ok: true, frameId: 4 });
    const spoofedUrl = { ...contentSender('https://www.binance.com/'), origin: 'https://evil.example' };
    expect(checkSender(spoofedUrl, EXTENSION_ID, ALLOWED)).toEqual({
      ok: false,
      reason: 'origin-not-allowed',
    });
  });

  it('falls back to the URL where the browser stamps no origin (Firefox)', () => {
    const firefox = { ...contentSender('https://www.binance.com/en/trade/BTC_USDT'), origin: undefined };
    expect(checkSender(firefox, EXTENSION_ID, ALLOWED)).toMatchObject({
      ok: true,
      origin: 'https://www.binance.com',
    });
  });
});

describe('checkExtensionPageSender', () => {
  it('accepts the popup, with or without a tab', () => {
    const popup = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html` };
    expect(checkExtensionPageSender(popup, EXTENSION_ID, `${EXTENSION_ORIGIN}/`)).toEqual({ ok: true });
    const popupInTab = { ...popup, origin: EXTENSION_ORIGIN, tab: { id: 9 } };
    expect(checkExtensionPageSender(popupInTab, EXTENSION_ID, EXTENSION_ORIGIN)).toEqual({ ok: true });
  });

  it.each<[string, SenderFields, string]>([
    ['a content script', contentSender('https://www.binance.com/'), 'not-extension-page'],
    [
      'another extension’s page',
      { id: 'z'.repeat(32), url: 'chrome-extension://zzz/popup.html' },
      'foreign-extension',
    ],
    ['a sender with no URL', { id: EXTENSION_ID }, 'not-extension-page'],
  ])('refuses %s', (_, sender, reason) => {
    expect(checkExtensionPageSender(sender, EXTENSION_ID, EXTENSION_ORIGIN)).toEqual({ ok: false, reason });
  });
});
