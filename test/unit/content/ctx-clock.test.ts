// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

import { createCtxClock } from '../../../entrypoints/content/ctx-clock';

describe('the content script’s clock, bound to its ctx', () => {
  let ctx: ContentScriptContext;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    ctx = new ContentScriptContext('content');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each timer once, after its delay, and not once cancelled', () => {
    const clock = createCtxClock(ctx);
    const runs: string[] = [];
    clock.setTimer(() => runs.push('a'), 50);
    const cancel = clock.setTimer(() => runs.push('b'), 50);
    cancel();
    vi.advanceTimersByTime(49);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(['a']);
  });

  it('runs no pending timer, and starts none, once the script is invalidated', () => {
    const clock = createCtxClock(ctx);
    const runs: string[] = [];
    clock.setTimer(() => runs.push('pending'), 50);
    ctx.abort('a newer copy of the script started');
    clock.setTimer(() => runs.push('after'), 0);
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([]);
  });

  it('registers one invalidation listener however many timers it sets (ctx.setTimeout adds one per timer)', () => {
    const onInvalidated = vi.spyOn(ctx, 'onInvalidated');
    const clock = createCtxClock(ctx);
    // A price that moves 20 times a second for a minute: a coalescing window per change.
    for (let change = 0; change < 1200; change += 1) {
      clock.setTimer(() => undefined, 50);
      vi.advanceTimersByTime(50);
    }
    expect(onInvalidated).toHaveBeenCalledTimes(1);
  });
});
