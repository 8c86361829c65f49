import { describe, expect, it } from 'vitest';

import type { PlansView } from '../../../lib/messages/plans';
import type { ViewPush, ViewScope } from '../../../lib/messages/view-port';
import { FRAME_MILLIS, ViewHub } from '../../../lib/worker/view-hub';

/*
 * The background's pushes to the surfaces, on a hand-driven clock: `advance(ms)` runs every
 * timer due by then, and lets each build's promise settle before the next timer.
 */

const POPUP: ViewScope = { kind: 'active' };
const PANEL: ViewScope = { kind: 'page', venue: 'binance-futures', symbol: 'BTCUSDT' };

/** A view that differs by its quiet flag only: enough for the hub, which compares serialized views. */
function viewOf(isQuiet: boolean, staleAt: number | null = null): PlansView {
  return {
    plans: [],
    quarantined: [],
    isQuiet,
    isShownWithoutPlan: false,
    history: null,
    staleAt,
    heat: null,
  };
}

function hubOnClock() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const builds: ViewScope[] = [];
  const state = { isQuiet: false, failing: false, staleAt: null as number | null };
  const hub = new ViewHub({
    build: async (scope) => {
      builds.push(scope);
      if (state.failing) throw new Error('storage is unreadable');
      if (state.staleAt !== null && now >= state.staleAt) return viewOf(true);
      return viewOf(state.isQuiet, state.staleAt);
    },
    schedule: (run, delayInMillis) => timers.push({ at: now + delayInMillis, run }),
    now: () => now,
    log: () => undefined,
  });
  const advance = async (millis: number) => {
    const until = now + millis;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (due === undefined || due.at > until) break;
      timers.shift();
      now = due.at;
      due.run();
      // The build and the send are promises: let them settle as the event loop would.
      await new Promise((done) => setTimeout(done, 0));
    }
    now = until;
  };
  const surface = () => {
    const pushes: ViewPush[] = [];
    return { pushes, port: { send: (push: ViewPush) => void pushes.push(push) } };
  };
  return { hub, advance, builds, state, surface };
}

describe('view hub: surfaces subscribe, the background pushes', () => {
  it('sends a fresh view when a shown price turns stale by time alone, with no write to announce it', async () => {
    const { hub, advance, builds, state, surface } = hubOnClock();
    // The view's price arrived at 0 and the stale setting is 30 s: stale after 30,000 ms.
    state.staleAt = 30_001;
    const popup = surface();
    hub.subscribe(popup.port, POPUP, true);
    await advance(0);
    expect(popup.pushes).toEqual([{ type: 'view', view: viewOf(false, 30_001) }]);
    await advance(30_000);
    expect(builds, 'nothing is built before the moment').toHaveLength(1);
    await advance(1);
    // The view built at the moment shows the price stale (here: the flag the fake flips).
    expect(popup.pushes.at(-1)).toEqual({ type: 'view', view: viewOf(true) });
    expect(builds).toHaveLength(2);
  });

  it('sends a surface its view as soon as it subscribes', async () => {
    const { hub, advance, surface } = hubOnClock();
    const popup = surface();
    hub.subscribe(popup.port, POPUP, true);
    await advance(0);
    expect(popup.pushes).toEqual([{ type: 'view', view: viewOf(false) }]);
  });

  it('coalesces a burst of changes within one frame into one view, sent a frame after the last view', async () => {
    const { hub, advance, builds, state, surface } = hubOnClock();
    const popup = surface();
    hub.subscribe(popup.port, POPUP, true);
    await advance(0);
    builds.length = 0;
    // A tick, its alert and the history write: three commits at once.
    state.isQuiet = true;
    hub.changed();
    hub.changed();
    hub.changed();
    await advance(FRAME_MILLIS - 1);
    expect(popup.pushes, 'nothing before the frame is over').toHaveLength(1);
    await advance(1);
    expect(builds, 'one build for the three changes').toEqual([POPUP]);
    expect(popup.pushes.at(-1)).toEqual({ type: 'view', view: viewOf(true) });
  });

  it('sends nothing when a change leaves the surface’s view as it was', async () => {
    const { hub, advance, builds, surface } = hubOnClock();
    const popup = surface();
    hub.subscribe(popup.port, POPUP, true);
    await advance(0);
    hub.changed();
    await advance(FRAME_MILLIS * 3);
    expect(builds, 'the view was made again').toHaveLength(2);
    expect(popup.pushes, 'but equal to the last one: not sent').toHaveLength(1);
  });

  it('sends nothing to a hidden surface, and the view it missed once it is shown again', async () => {
    const { hub, advance, builds, state, surface } = hubOnClock();
    const panel = surface();
    const subscription = hub.subscribe(panel.port, PANEL, true);
    await advance(0);
    subscription.setVisible(false);
    builds.length = 0;
    state.isQuiet = true;
    hub.changed();
    hub.changed();
    await advance(FRAME_MILLIS * 10);
    expect(builds, 'no view is even made for a hidden surface').toEqual([]);
    expect(panel.pushes).toHaveLength(1);
    subscription.setVisible(true);
    await advance(0);
    expect(panel.pushes.at(-1)).toEqual({ type: 'view', view: viewOf(true) });
  });

  it('makes one view per scope per change, shared by the surfaces of that scope', async () => {
    const { hub, advance, builds, state, surface } = hubOnClock();
    const [first, second, panel] = [surface(), surface(), surface()];
    hub.subscribe(first.port, POPUP, true);
    hub.subscribe(second.port, POPUP, true);
    hub.subscribe(panel.port, PANEL, true);
    await advance(0);
    builds.length = 0;
    state.isQuiet = true;
    hub.changed();
    await advance(FRAME_MILLIS);
    expect(builds).toEqual([POPUP, PANEL]);
    for (const each of [first, second, panel])
      expect(each.pushes.at(-1)).toEqual({ type: 'view', view: viewOf(true) });
  });

  it('forgets a closed surface: nothing is made or sent for it', async () => {
    const { hub, advance, builds, surface } = hubOnClock();
    const popup = surface();
    const subscription = hub.subscribe(popup.port, POPUP, true);
    await advance(0);
    subscription.close();
    builds.length = 0;
    hub.changed();
    await advance(FRAME_MILLIS * 2);
    expect(hub.size).toBe(0);
    expect(builds).toEqual([]);
    expect(popup.pushes).toHaveLength(1);
  });

  it('tells the surface a view could not be made, and brings the view with the next change', async () => {
    const { hub, advance, state, surface } = hubOnClock();
    const popup = surface();
    state.failing = true;
    hub.subscribe(popup.port, POPUP, true);
    await advance(0);
    expect(popup.pushes).toEqual([
      { type: 'error', error: 'Tranche could not read its plans; the next change brings them again.' },
    ]);
    state.failing = false;
    hub.changed();
    await advance(FRAME_MILLIS);
    expect(popup.pushes.at(-1)).toEqual({ type: 'view', view: viewOf(false) });
  });
});
