import type { ContentScriptContext } from 'wxt/utils/content-script-context';

import type { Clock } from '../../lib/watch/clock';

/**
 * The page watcher's clock, bound to WXT's `ctx`: every pending timer is cleared when the
 * script is invalidated, and none runs after. Not `ctx.setTimeout`: it adds an abort
 * listener for each timer and never removes it, so on a page whose price moves 20 times a
 * second (a coalescing window a change) the listeners would grow by the tens of thousands
 * an hour for the life of the tab. Here one listener clears the pending set.
 */
export function createCtxClock(ctx: ContentScriptContext): Clock {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  ctx.onInvalidated(() => {
    for (const id of pending) clearTimeout(id);
    pending.clear();
  });
  return {
    now: () => Date.now(),
    setTimer: (run, delayInMillis) => {
      if (ctx.isInvalid) return () => undefined;
      const id = setTimeout(() => {
        pending.delete(id);
        run();
      }, delayInMillis);
      pending.add(id);
      return () => {
        clearTimeout(id);
        pending.delete(id);
      };
    },
  };
}
