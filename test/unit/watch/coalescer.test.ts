import { describe, expect, it } from 'vitest';

import { Coalescer } from '../../../lib/watch/coalescer';
import { FakeClock } from './fake-clock';

function setup(windowMillis = 50) {
  const clock = new FakeClock();
  const runs: number[] = [];
  const start = clock.now();
  const coalescer = new Coalescer(clock, windowMillis, () => runs.push(clock.now() - start));
  return { clock, runs, coalescer };
}

describe('Coalescer', () => {
  it('runs a lone request at once', () => {
    const { coalescer, runs } = setup();
    coalescer.request();
    expect(runs).toEqual([0]);
  });

  it('turns a burst into one run now and one at the end of the window', () => {
    const { coalescer, runs, clock } = setup();
    coalescer.request();
    clock.advance(10);
    coalescer.request();
    clock.advance(10);
    coalescer.request();
    clock.advance(100);
    expect(runs, 'the trailing run reads the latest value once').toEqual([0, 50]);
  });

  it('runs at most once per window under a steady stream', () => {
    const { coalescer, runs, clock } = setup();
    for (let elapsed = 0; elapsed < 500; elapsed += 5) {
      coalescer.request();
      clock.advance(5);
    }
    clock.advance(100);
    const gaps = runs.slice(1).map((at, i) => at - (runs[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
    expect(runs.length).toBe(11);
  });

  it('runs every request when they are further apart than the window', () => {
    const { coalescer, runs, clock } = setup();
    for (let i = 0; i < 4; i++) {
      coalescer.request();
      clock.advance(120);
    }
    expect(runs).toEqual([0, 120, 240, 360]);
  });

  it('forgets a pending run when cancelled', () => {
    const { coalescer, runs, clock } = setup();
    coalescer.request();
    coalescer.request();
    coalescer.cancel();
    clock.advance(100);
    expect(runs).toEqual([0]);
    expect(clock.pendingTimers).toBe(0);
  });
});
