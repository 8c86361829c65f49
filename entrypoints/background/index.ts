import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

import { originToMatchPattern } from '../../lib/messages/sender';
import { parseNotificationId } from '../../lib/worker/notification-id';
import { browserBadge, browserNotifier, browserPickerApis, manifestContentPatterns } from './browser-apis';
import { createBackground } from './create-background';
import { handleCommand } from './overlay-handlers';

/** How often closed or frozen tabs are checked for stale prices: alarms survive the worker stopping. */
const STALE_CHECK_ALARM = 'stale-check';

export default defineBackground(() => {
  // Building it starts the worker's work (background.ready): storage migrated, prices a
  // stopped worker had not yet given the plans, and whatever it owed shown now, once.
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
    notifier: browserNotifier(),
    badge: browserBadge(),
    newId: () => crypto.randomUUID().replace(/-/g, '').slice(0, 16),
  });

  // sendResponse + `return true` rather than a returned Promise: it works in Chrome,
  // Firefox and WXT's fakeBrowser alike.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void background.handleMessage(message, sender).then(sendResponse);
    return true;
  });
  // The popup, the planner and the panel subscribe to their views; they are pushed, never asked for.
  browser.runtime.onConnect.addListener((port) => background.connectView(port));
  browser.runtime.onInstalled.addListener(() => void background.pickedSites.syncRegistrations());
  browser.runtime.onStartup.addListener(() => void background.pickedSites.syncRegistrations());

  void browser.alarms.create(STALE_CHECK_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === STALE_CHECK_ALARM) void background.checkStale();
  });

  // A notification click opens the plan; its buttons confirm or skip the tranche (done: it
  // goes; not done: it stays and says why).
  browser.notifications.onClicked.addListener((id) => {
    const parsed = parseNotificationId(id);
    void browser.tabs.create({
      url: browser.runtime.getURL(`/popup.html${parsed ? `?plan=${parsed.planId}` : ''}`),
    });
  });
  browser.notifications.onButtonClicked?.addListener((id, button) => {
    void background.onNotificationButton(id, button);
  });

  // The panel's shortcut: the tab's content script shows or hides its panel.
  browser.commands.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab?.id, {
      activeTabId: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
      sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    });
  });
});
