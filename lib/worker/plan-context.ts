import type { Stores } from '../store/stores';
import type { Clock, Notifier } from './ports';

/** What the plan service's parts work with: the repositories, the notifications and the clock. */
export interface PlanContext {
  readonly stores: Stores;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** Random ids: new plans. */
  readonly newId: () => string;
  readonly log: (message: string) => void;
}

export type ActionResult<T = object> = ({ ok: true } & T) | { ok: false; error: string };
