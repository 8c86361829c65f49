import * as z from 'zod/mini';

import { checkExtensionPageSender, RefusalReason, type SenderFields } from '../../lib/messages/sender';
import { VIEW_PORT_NAME, ViewPortRequestSchema, type ViewPush } from '../../lib/messages/view-port';
import type { Subscription, ViewHub } from '../../lib/worker/view-hub';

/** The part of `runtime.Port` the background uses (the browser's, and the tests' fakes, fit it). */
export interface SurfacePortLike {
  readonly name: string;
  readonly sender?: SenderFields | undefined;
  postMessage(message: ViewPush): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export interface ViewPortDeps {
  readonly views: ViewHub;
  readonly extensionId: string;
  readonly extensionOrigin: string;
  /** Count a refused port like a refused message (`security`). */
  readonly refuse: (refusal: { reason: RefusalReason; type: string | null }) => void;
}

/** The claimed type a refused port is counted under. */
const PORT_TYPE = 'view-port';

/**
 * A surface connected (`runtime.onConnect`): only this extension's pages may subscribe to
 * views, checked from the port's sender as messages are. The first message says what the
 * surface shows, later ones when it is hidden or shown; anything else, or anything
 * malformed, is counted and the port closed. The subscription ends with the port.
 */
export function acceptViewPort(deps: ViewPortDeps, port: SurfacePortLike): void {
  let subscription: Subscription | null = null;
  const refuse = (reason: RefusalReason) => {
    deps.refuse({ reason, type: PORT_TYPE });
    subscription?.close();
    port.disconnect();
  };
  if (port.name !== VIEW_PORT_NAME) {
    refuse(RefusalReason.unknownType);
    return;
  }
  const check = checkExtensionPageSender(port.sender ?? {}, deps.extensionId, deps.extensionOrigin);
  if (!check.ok) {
    refuse(check.reason);
    return;
  }
  const surface = {
    send: (push: ViewPush) => {
      try {
        port.postMessage(push);
      } catch {
        // The surface went away between the view's making and its sending.
        subscription?.close();
      }
    },
  };
  port.onMessage.addListener((raw) => {
    const parsed = z.safeParse(ViewPortRequestSchema, raw);
    const request = parsed.success ? parsed.data : null;
    if (request?.type === 'subscribe' && subscription === null) {
      subscription = deps.views.subscribe(surface, request.scope, request.isVisible);
    } else if (request?.type === 'visibility' && subscription !== null) {
      subscription.setVisible(request.isVisible);
    } else {
      // Malformed, a second subscription on one port, or visibility before subscribing.
      refuse(RefusalReason.malformed);
    }
  });
  port.onDisconnect.addListener(() => subscription?.close());
}
