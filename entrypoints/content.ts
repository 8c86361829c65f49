import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: [
    '*://*.tradingview.com/*',
    '*://*.binance.com/*',
    '*://*.bybit.com/*',
    '*://*.okx.com/*',
    '*://*.coinbase.com/*',
    '*://*.kraken.com/*',
  ],
  allFrames: true,
  main() {},
});
