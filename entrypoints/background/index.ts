import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

import { originToMatchPattern } from '../../lib/messages/sender';
import { browserPickerApis, manifestContentPatterns } from './browser-apis';
import { createBackground } from './create-background';

export default defineBackground(() => {
  const background = createBackground({
    local: browser.storage.local,
    session: browser.storage.session,
    now: () => Date.now(),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    manifestPatterns: manifestContentPatterns(),
    pickerApis: browserPickerApis(),
    // Firefox's match patterns take no port (the sender check still wants the exact origin).
    matchPatternFor: (origin) => originToMatchPattern(origin, { withPort: !import.meta.env.FIREFOX }),
  });

  // sendResponse + `return true` rather than a returned Promise: it works in Chrome, with
  // the polyfill and in WXT's fakeBrowser alike.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void background.handleMessage(message, sender).then(sendResponse);
    return true;
  });
  browser.runtime.onInstalled.addListener(() => void background.pickedSites.syncRegistrations());
  browser.runtime.onStartup.addListener(() => void background.pickedSites.syncRegistrations());
});
