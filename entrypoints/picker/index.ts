import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

import { PickerResultReplySchema } from '../../lib/messages/replies';
import type { PickerCancelMessage, PickerResultMessage } from '../../lib/messages/requests';
import { PickerOverlay } from './picker-overlay';

/** Where a running picker keeps its stop function, so that a second injection replaces it. */
const RUNNING = Symbol.for('tranche.picker');

/*
 * The element picker, injected into the active tab by the background once the trader
 * allowed the site from the popup. It is a one-shot UI, not a content script: it ends
 * when the trader confirms or cancels.
 */
export default defineUnlistedScript(() => {
  const slot = globalThis as { [RUNNING]?: () => void };
  slot[RUNNING]?.();

  const overlay = new PickerOverlay(document, {
    confirm: async (pick) => {
      const message: PickerResultMessage = { type: 'picker-result', ...pick };
      try {
        const reply = z.safeParse(PickerResultReplySchema, await browser.runtime.sendMessage(message));
        if (!reply.success) return 'Tranche gave no usable answer; try again.';
        return reply.data.ok ? null : reply.data.error;
      } catch (error) {
        return `Tranche could not store the pick: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
    cancel: () => {
      const message: PickerCancelMessage = { type: 'picker-cancel' };
      browser.runtime.sendMessage(message).catch(() => {
        // Nothing to undo: the pending pick expires on its own.
      });
    },
  });
  slot[RUNNING] = () => overlay.stop();
  overlay.start();
});
