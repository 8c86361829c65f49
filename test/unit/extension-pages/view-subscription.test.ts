import { describe, expect, it } from 'vitest';

import {
  subscribeToViews,
  type ViewPortLike,
  type ViewSubscriptionDeps,
} from '../../../entrypoints/extension-pages/view-subscription';
import type { PlansView } from '../../../lib/messages/plans';
import type { ViewPortRequest, ViewScope } from '../../../lib/messages/view-port';

/*
 * A surface's side of the views' port, with fake ports: what it asks for, what it shows,
 * and how it connects again when the MV3 worker stops (the port disconnects).
 */

const SCOPE: ViewScope = { kind: 'page', venue: 'binance-futures', symbol: 'BTCUSDT' };
const VIEW: PlansView = {
  plans: [],
  quarantined: [],
  isQuiet: true,
  isShownWithoutPlan: false,
  history: null,
  staleAt: null,
  heat: null,
};

class FakePort implements ViewPortLike {
  readonly sent: ViewPortRequest[] = [];
  isDisconnected = false;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  readonly onMessage = {
    addListener: (listener: (message: unknown) => void) => this.messageListeners.push(listener),
  };
  readonly onDisconnect = { addListener: (listener: () => void) => this.disconnectListeners.push(listener) };
  postMessage(message: ViewPortRequest): void {
    this.sent.push(message);
  }
  disconnect(): void {
    this.isDisconnected = true;
  }
  /** The background pushes. */
  push(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  /** The worker stopped: the browser disconnects the port (the surface's own disconnect does not fire this). */
  drop(): void {
    for (const listener of this.disconnectListeners) listener();
  }
}

function surface(options: { isVisible?: boolean; connectThrows?: boolean } = {}) {
  const ports: FakePort[] = [];
  const views: PlansView[] = [];
  const errors: string[] = [];
  const page = { isVisible: options.isVisible ?? true, visibilityListeners: [] as (() => void)[] };
  const deps: ViewSubscriptionDeps = {
    connect: () => {
      if (options.connectThrows === true) throw new Error('Extension context invalidated.');
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    isVisible: () => page.isVisible,
    onVisibilityChange: (listener) => {
      page.visibilityListeners.push(listener);
      return () => page.visibilityListeners.splice(page.visibilityListeners.indexOf(listener), 1);
    },
  };
  const subscription = subscribeToViews(deps, SCOPE, {
    onView: (view) => views.push(view),
    onError: (error) => errors.push(error),
  });
  const setVisible = (isVisible: boolean) => {
    page.isVisible = isVisible;
    for (const listener of [...page.visibilityListeners]) listener();
  };
  return { ports, views, errors, subscription, setVisible, page };
}

describe('a surface subscribed to its views', () => {
  it('opens one port, says what it shows and that it is on screen, and shows each view pushed', () => {
    const { ports, views } = surface();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent).toEqual([{ type: 'subscribe', scope: SCOPE, isVisible: true }]);
    ports[0]?.push({ type: 'view', view: VIEW });
    ports[0]?.push({ type: 'view', view: { ...VIEW, isQuiet: false } });
    expect(views.map((view) => view.isQuiet)).toEqual([true, false]);
  });

  it('tells the background when it is hidden and shown again, on the same port', () => {
    const { ports, setVisible } = surface();
    setVisible(false);
    setVisible(true);
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent.slice(1)).toEqual([
      { type: 'visibility', isVisible: false },
      { type: 'visibility', isVisible: true },
    ]);
  });

  it('connects again at once when the worker stops, and shows the fresh view the new port brings', () => {
    const { ports, views } = surface();
    ports[0]?.push({ type: 'view', view: VIEW });
    ports[0]?.drop();
    expect(ports, 'a second port').toHaveLength(2);
    expect(ports[1]?.sent).toEqual([{ type: 'subscribe', scope: SCOPE, isVisible: true }]);
    ports[1]?.push({ type: 'view', view: { ...VIEW, isQuiet: false } });
    expect(views.map((view) => view.isQuiet)).toEqual([true, false]);
  });

  it('dropped while hidden, connects only when shown again', () => {
    const { ports, setVisible } = surface();
    setVisible(false);
    ports[0]?.drop();
    expect(ports, 'a hidden surface wakes no worker').toHaveLength(1);
    setVisible(true);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.sent).toEqual([{ type: 'subscribe', scope: SCOPE, isVisible: true }]);
  });

  it('stops knocking after three ports in a row closed before any view, and says so', () => {
    const { ports, errors } = surface();
    // The first port and three retries, each dropped without a view (a background that refuses).
    for (let index = 0; index < 4; index += 1) ports[index]?.drop();
    expect(ports).toHaveLength(4);
    expect(errors).toEqual(["Tranche's background did not answer: reopen this page."]);
  });

  it('keeps the last view and says so when a push is malformed or an error', () => {
    const { ports, views, errors } = surface();
    ports[0]?.push({ type: 'view', view: VIEW });
    ports[0]?.push({ type: 'view', view: { plans: 'all of them' } });
    ports[0]?.push({
      type: 'error',
      error: 'Tranche could not read its plans; the next change brings them again.',
    });
    expect(views).toEqual([VIEW]);
    expect(errors).toEqual([
      'Tranche sent a malformed view.',
      'Tranche could not read its plans; the next change brings them again.',
    ]);
  });

  it('says the page must be reloaded when the extension is gone', () => {
    const { ports, errors } = surface({ connectThrows: true });
    expect(ports).toEqual([]);
    expect(errors).toEqual([
      "Tranche's background cannot be reached (Error: Extension context invalidated.): reload this page.",
    ]);
  });

  it('closed, disconnects its port, connects no more and stops listening for visibility', () => {
    const { ports, subscription, setVisible, page } = surface();
    subscription.close();
    expect(ports[0]?.isDisconnected).toBe(true);
    expect(page.visibilityListeners).toEqual([]);
    setVisible(true);
    ports[0]?.drop();
    expect(ports).toHaveLength(1);
  });
});
