import * as z from 'zod/mini';

import type { PlansView } from '../../lib/messages/plans';
import { ViewPushSchema, type ViewPortRequest, type ViewScope } from '../../lib/messages/view-port';

/** The part of `runtime.Port` a surface uses. */
export interface ViewPortLike {
  postMessage(message: ViewPortRequest): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export interface ViewSubscriptionDeps {
  /** `runtime.connect({ name: VIEW_PORT_NAME })`; throws when the extension is gone (reloaded). */
  readonly connect: () => ViewPortLike;
  /** Whether the surface is on screen (`document.visibilityState`). */
  readonly isVisible: () => boolean;
  /** Listen for the surface being hidden or shown; returns the unsubscribe. */
  readonly onVisibilityChange: (listener: () => void) => () => void;
}

export interface ViewHandlers {
  readonly onView: (view: PlansView) => void;
  readonly onError: (error: string) => void;
}

/**
 * A port dropped before it brought any view is opened again at most this many times in a
 * row: a worker stopping while a surface connects is retried, a background that refuses the
 * surface is not knocked on forever.
 */
const RETRIES_WITHOUT_VIEW = 3;

/**
 * A surface's subscription to its views: a port to the background that says what the
 * surface shows and when it is hidden or shown; the background pushes each fresh view
 * (checked against its schema). When the port drops — an MV3 service worker stops after a
 * quiet spell, and restarts on the next event — a visible surface connects again at once
 * (which starts the worker, and brings a fresh view); a hidden one waits until it is shown.
 * Nothing here runs on a timer.
 */
export function subscribeToViews(
  deps: ViewSubscriptionDeps,
  scope: ViewScope,
  handlers: ViewHandlers,
): { close(): void } {
  let port: ViewPortLike | null = null;
  let isClosed = false;
  let retriesWithoutView = 0;

  const open = (): void => {
    let opened: ViewPortLike;
    try {
      opened = deps.connect();
    } catch (error) {
      handlers.onError(`Tranche's background cannot be reached (${String(error)}): reload this page.`);
      return;
    }
    port = opened;
    let hasView = false;
    opened.onMessage.addListener((raw) => {
      const parsed = z.safeParse(ViewPushSchema, raw);
      if (!parsed.success) {
        handlers.onError('Tranche sent a malformed view.');
        return;
      }
      if (parsed.data.type === 'error') {
        handlers.onError(parsed.data.error);
        return;
      }
      hasView = true;
      retriesWithoutView = 0;
      handlers.onView(parsed.data.view);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      if (isClosed || !deps.isVisible()) return;
      if (!hasView) retriesWithoutView += 1;
      if (retriesWithoutView > RETRIES_WITHOUT_VIEW) {
        handlers.onError("Tranche's background did not answer: reopen this page.");
        return;
      }
      open();
    });
    opened.postMessage({ type: 'subscribe', scope, isVisible: deps.isVisible() });
  };

  const stopListening = deps.onVisibilityChange(() => {
    if (isClosed) return;
    const isVisible = deps.isVisible();
    if (port === null) {
      // Dropped while hidden: shown again, it connects for a fresh view.
      if (isVisible) open();
      return;
    }
    port.postMessage({ type: 'visibility', isVisible });
  });
  open();

  return {
    close: () => {
      isClosed = true;
      stopListening();
      port?.disconnect();
      port = null;
    },
  };
}
