import {
  applyOverlayChange,
  defaultOverlaySite,
  type OverlaySettings,
} from '../../lib/store/overlay-settings';
import type { OverlayToggleMessage } from '../../lib/messages/overlay-frame';
import type { Handlers } from './message-router';
import type { StoredRecord } from '../../lib/store/stored-record';
import type { SerialQueue } from '../../lib/worker/serial-queue';

type OverlayHandlers = Pick<Handlers, 'overlay-settings-get' | 'overlay-settings-set'>;

export interface OverlayHandlerDeps {
  readonly settings: StoredRecord<OverlaySettings>;
  readonly queue: SerialQueue;
  readonly now: () => number;
}

/** The on-page panel's settings: its frame reads and moves its site's entry, the planner flips the switch. */
export function createOverlayHandlers({ settings, queue, now }: OverlayHandlerDeps): OverlayHandlers {
  return {
    'overlay-settings-get': async ({ host }) => {
      const stored = await settings.read();
      const site = (host === undefined ? undefined : stored.sites[host]) ?? defaultOverlaySite();
      return {
        ok: true,
        isShownWithoutPlan: stored.isShownWithoutPlan,
        site: { position: site.position, isCollapsed: site.isCollapsed },
      };
    },
    'overlay-settings-set': async ({ host, position, isCollapsed, isShownWithoutPlan }) => {
      await queue(async () =>
        settings.write(
          applyOverlayChange(
            await settings.read(),
            { host, position, isCollapsed, isShownWithoutPlan },
            now(),
          ),
        ),
      );
      return { ok: true };
    },
  };
}

/** The keyboard shortcut (manifest `commands`) that shows or hides the panel on the active tab. */
export const TOGGLE_OVERLAY_COMMAND = 'toggle-overlay';

export interface CommandDeps {
  /** The active tab of the focused window, when the browser did not say which tab. */
  readonly activeTabId: () => Promise<number | undefined>;
  /** tabs.sendMessage to the tab's top frame, where the panel lives. */
  readonly sendToTab: (tabId: number, message: OverlayToggleMessage) => Promise<unknown>;
}

/**
 * A keyboard command: the toggle goes to the tab's content script, which owns the panel's
 * frame. A tab without one (a page Tranche does not read) has nobody to answer: ignored.
 */
export async function handleCommand(
  command: string,
  tabId: number | undefined,
  deps: CommandDeps,
): Promise<boolean> {
  if (command !== TOGGLE_OVERLAY_COMMAND) return false;
  const target = tabId ?? (await deps.activeTabId());
  if (target === undefined) return false;
  try {
    await deps.sendToTab(target, { type: 'overlay-toggle' });
    return true;
  } catch {
    return false;
  }
}
