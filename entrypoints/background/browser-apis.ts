import { browser } from 'wxt/browser';

import { buttonsOf, NotificationButton } from '../../lib/worker/notification-buttons';
import type { Notifier } from '../../lib/worker/ports';
import type { PickerApis } from './picked-sites-service';
import type { BadgeApi } from './plans-wiring';

/** The picker flow's extension APIs, on the real browser. */
export function browserPickerApis(): PickerApis {
  return {
    getTabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    hasOriginPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    removeOriginPermission: async (pattern) => {
      await browser.permissions.remove({ origins: [pattern] });
    },
    injectFile: async (tabId, file) => {
      await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    },
    getRegisteredScripts: () => browser.scripting.getRegisteredContentScripts(),
    registerScript: (script) => browser.scripting.registerContentScripts([script]),
    updateScript: (script) => browser.scripting.updateContentScripts([script]),
    unregisterScript: (id) => browser.scripting.unregisterContentScripts({ ids: [id] }),
  };
}

/** The supported sites: every match pattern of the manifest's content scripts. */
export function manifestContentPatterns(): string[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
}

const BUTTON_TITLES = {
  [NotificationButton.confirm]: 'Confirm fill',
  [NotificationButton.skip]: 'Skip',
} as const;

/**
 * Notifications on the real browser. Ids are unique (`plan/epoch.seq/tranche`), so showing
 * one again replaces it. Chrome shows Confirm fill (and Skip, except on a stop). Firefox
 * refuses the whole call when given `buttons` or `requireInteraction` (although it has
 * onButtonClicked, so there is nothing to detect at run time): its build leaves both out,
 * and a click on the notification opens the popup on the plan, where the buttons are.
 */
export function browserNotifier(): Notifier {
  return {
    show: async (notification) => {
      const buttons = import.meta.env.FIREFOX ? [] : buttonsOf(notification);
      await browser.notifications.create(notification.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: notification.title,
        message: notification.message,
        priority: notification.isConfirmable ? 2 : 0,
        ...(buttons.length > 0
          ? { buttons: buttons.map((button) => ({ title: BUTTON_TITLES[button] })), requireInteraction: true }
          : {}),
      });
    },
    shown: async () => Object.keys(await browser.notifications.getAll()),
    clear: async (id) => {
      await browser.notifications.clear(id);
    },
    // Only a button click explains, and only Chrome's notifications have buttons (Firefox
    // has no notifications.update either).
    explain: async (id, message) => {
      if (!import.meta.env.FIREFOX) await browser.notifications.update(id, { message });
    },
  };
}

/** The toolbar badge of one tab. */
export function browserBadge(): BadgeApi {
  // The toolbar button is `action` in MV3 and `browserAction` in MV2 (the Firefox build).
  const button = import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action;
  return {
    set: async (tabId, text, color) => {
      await button.setBadgeText({ tabId, text });
      if (text !== '') await button.setBadgeBackgroundColor({ tabId, color });
    },
  };
}
