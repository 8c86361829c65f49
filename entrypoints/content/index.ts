import { defineContentScript } from 'wxt/utils/define-content-script';

import { findAdapter } from '../../lib/sites/registry';
import { normalizeSymbol } from '../../lib/sites/symbol';
import { PageWatch } from '../../lib/watch/page-watch';
import { readPage, type ContentRead } from '../../lib/watch/read-page';
import { chooseTargets, modeSelector, pageMode } from '../../lib/watch/targets';
import { createSender, fetchWatchConfig } from './background-link';
import { createCtxClock } from './ctx-clock';
import { connectOverlay } from './overlay-link';
import { PageObserver } from './page-observer';

/*
 * Reads the live price on the pages traders keep open and sends it to the background,
 * and frames the on-page panel on the supported sites' pages.
 * The same script is registered at run time for origins where the trader picked the
 * price element (the background answers `watch-config` with the picked selector). WXT's
 * ctx stops an older copy when a newer one starts, so a second injection is harmless.
 */
export default defineContentScript({
  matches: [
    '*://*.tradingview.com/*',
    '*://*.binance.com/*',
    '*://*.bybit.com/*',
    '*://*.okx.com/*',
    '*://*.coinbase.com/*',
    '*://*.kraken.com/*',
  ],
  // Exchanges embed their charts (and with them the price) in iframes.
  allFrames: true,
  async main(ctx) {
    const config = await fetchWatchConfig();
    if (config === null || ctx.isInvalid) return;

    const clock = createCtxClock(ctx);
    const overlay = connectOverlay(ctx);
    const observer = new PageObserver(document, () => watch.noticeChange());
    const read = (): ContentRead => {
      const url = new URL(location.href);
      const reading = readPage(document, url, config.picked);
      const mode = pageMode(config.picked, findAdapter(url));
      const selector = modeSelector(mode);
      const isSelectorFound = selector !== null && observer.hasElement(selector);
      observer.update(chooseTargets(mode, reading, isSelectorFound));
      overlay.noticeRead(reading);
      return reading;
    };
    const watch = new PageWatch({
      clock,
      read,
      send: createSender((run, millis) => void clock.setTimer(run, millis)),
      normalizeSymbol,
      staleAfterSeconds: config.staleAfterSeconds,
      jumpHoldPercent: config.jumpHoldPercent,
    });

    // The Navigation API reports a pushState before the URL is committed: read once it is.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      clock.setTimer(() => watch.noticeNavigation(), 0);
    });
    ctx.onInvalidated(() => {
      observer.disconnect();
      watch.stop();
    });
    watch.noticeChange();
  },
});
