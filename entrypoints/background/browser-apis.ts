import { browser } from 'wxt/browser';

import type { PickerApis } from './picked-sites-service';

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
