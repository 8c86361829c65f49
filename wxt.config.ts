import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Sites whose pages carry a price the content script can read (docs/page-reading.md#the-sites).
const SUPPORTED_SITES = [
  '*://*.tradingview.com/*',
  '*://*.binance.com/*',
  '*://*.bybit.com/*',
  '*://*.okx.com/*',
  '*://*.coinbase.com/*',
  '*://*.kraken.com/*',
];

/** Scripts and plugins of the extension's pages: its own files only. */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Tranche',
    description: 'Dynamic position scaling: your plan, watched on the pages you already have open.',
    permissions: ['storage', 'notifications', 'alarms', 'activeTab', 'scripting'],
    host_permissions: SUPPORTED_SITES,
    // The element picker asks for one picked site at a time, at run time (docs/page-reading.md#the-sites).
    optional_host_permissions: ['*://*/*'],
    // The on-page panel is this extension page, framed into supported sites only.
    web_accessible_resources: [{ resources: ['overlay.html'], matches: SUPPORTED_SITES }],
    commands: {
      'toggle-overlay': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Show or hide the Tranche panel on this page',
      },
    },
    // Only the extension's own scripts run in its pages: no eval, no remote code (the
    // browsers' defaults, written out so that no change of default or tool loosens them).
    content_security_policy:
      manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    // MV2 (Firefox) has no optional_host_permissions and WXT drops the key: hosts go here.
    ...(manifestVersion === 2 && { optional_permissions: ['*://*/*'] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'tranche@tranche.dev', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
});
