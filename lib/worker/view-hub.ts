import type { PlansView } from '../messages/plans';
import type { ViewPush, ViewScope } from '../messages/view-port';

/**
 * At most one view per surface in this many milliseconds: one animation frame. A page whose
 * price moves 20 times a second gets each price; a burst of commits (a tick, its alert, the
 * history write) becomes one view.
 */
export const FRAME_MILLIS = 16;

/** A connected surface, as the hub sees it: the background adapts the browser's port to this. */
export interface SurfacePort {
  send(push: ViewPush): void;
}

export interface ViewHubDeps {
  /** The view of a scope as storage holds it now (./plans-view.ts). */
  readonly build: (scope: ViewScope) => Promise<PlansView>;
  /** setTimeout: the hub's one timer per surface, for the frame's wait. */
  readonly schedule: (run: () => void, delayInMillis: number) => void;
  readonly now: () => number;
  readonly log: (message: string) => void;
}

export interface Subscription {
  /** The surface was hidden or shown again. */
  setVisible(isVisible: boolean): void;
  /** The surface went away (its port disconnected). */
  close(): void;
}

interface Subscriber {
  readonly port: SurfacePort;
  readonly scope: ViewScope;
  readonly scopeKey: string;
  isVisible: boolean;
  isClosed: boolean;
  /** Something changed since this surface's last view was made. */
  isDirty: boolean;
  isScheduled: boolean;
  isBuilding: boolean;
  lastSentJson: string | null;
  lastBuiltAt: number;
}

/**
 * The background's side of "surfaces subscribe, the background pushes": each connected
 * surface (popup, planner, the panel's frame) is sent its view when it subscribes and again
 * after each change (`changed()`: the background calls it after every storage write),
 * coalesced to one view per surface per frame, and only when the view differs from the one
 * it last got (compared as serialized). A hidden surface gets nothing; it gets the view it
 * missed as soon as it says it is shown again. Surfaces of the same scope share one build
 * per change.
 */
export class ViewHub {
  private readonly subscribers = new Set<Subscriber>();
  /** Bumped by every change: a build made for an older one is not shared with a newer request. */
  private generation = 0;
  private readonly builds = new Map<string, { generation: number; view: Promise<PlansView> }>();
  /** The moment the hub's one staleness timer is set for: a view changes then without a write. */
  private staleTimerAt: number | null = null;

  constructor(private readonly deps: ViewHubDeps) {}

  subscribe(port: SurfacePort, scope: ViewScope, isVisible: boolean): Subscription {
    const subscriber: Subscriber = {
      port,
      scope,
      scopeKey: JSON.stringify(scope),
      isVisible,
      isClosed: false,
      isDirty: true,
      isScheduled: false,
      isBuilding: false,
      lastSentJson: null,
      lastBuiltAt: Number.NEGATIVE_INFINITY,
    };
    this.subscribers.add(subscriber);
    this.schedule(subscriber);
    return {
      setVisible: (visible) => {
        subscriber.isVisible = visible;
        this.schedule(subscriber);
      },
      close: () => {
        subscriber.isClosed = true;
        this.subscribers.delete(subscriber);
      },
    };
  }

  /** Something was committed: every surface's view may have changed. */
  changed(): void {
    this.generation += 1;
    this.builds.clear();
    for (const subscriber of this.subscribers) {
      subscriber.isDirty = true;
      this.schedule(subscriber);
    }
  }

  /** How many surfaces are connected (for the tests and the bench). */
  get size(): number {
    return this.subscribers.size;
  }

  private schedule(subscriber: Subscriber): void {
    const isWaiting = subscriber.isScheduled || subscriber.isBuilding;
    if (isWaiting || subscriber.isClosed || !subscriber.isVisible || !subscriber.isDirty) return;
    subscriber.isScheduled = true;
    const wait = Math.max(0, subscriber.lastBuiltAt + FRAME_MILLIS - this.deps.now());
    this.deps.schedule(() => {
      subscriber.isScheduled = false;
      void this.send(subscriber);
    }, wait);
  }

  private async send(subscriber: Subscriber): Promise<void> {
    if (subscriber.isClosed || !subscriber.isVisible) return;
    subscriber.isDirty = false;
    subscriber.isBuilding = true;
    subscriber.lastBuiltAt = this.deps.now();
    try {
      const view = await this.viewFor(subscriber);
      this.refreshWhenStale(view.staleAt);
      const json = JSON.stringify(view);
      if (!subscriber.isClosed && json !== subscriber.lastSentJson) {
        subscriber.lastSentJson = json;
        subscriber.port.send({ type: 'view', view });
      }
    } catch (error) {
      this.deps.log(`a view could not be made: ${String(error)}`);
      if (!subscriber.isClosed) {
        subscriber.port.send({
          type: 'error',
          error: 'Tranche could not read its plans; the next change brings them again.',
        });
      }
    } finally {
      subscriber.isBuilding = false;
    }
    // A change that came while this view was made gets a view of its own, a frame later.
    this.schedule(subscriber);
  }

  /**
   * A price turns stale by time alone, with no write to announce it: one timer, set for the
   * earliest such moment any view sent holds, makes every view again then (as a change).
   */
  private refreshWhenStale(staleAt: number | null): void {
    if (staleAt === null || (this.staleTimerAt !== null && this.staleTimerAt <= staleAt)) return;
    this.staleTimerAt = staleAt;
    this.deps.schedule(
      () => {
        if (this.staleTimerAt !== staleAt) return;
        this.staleTimerAt = null;
        this.changed();
      },
      Math.max(0, staleAt - this.deps.now()),
    );
  }

  private viewFor(subscriber: Subscriber): Promise<PlansView> {
    const shared = this.builds.get(subscriber.scopeKey);
    if (shared !== undefined && shared.generation === this.generation) return shared.view;
    const view = this.deps.build(subscriber.scope);
    this.builds.set(subscriber.scopeKey, { generation: this.generation, view });
    return view;
  }
}
