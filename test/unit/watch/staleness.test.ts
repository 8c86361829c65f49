import { describe, expect, it } from 'vitest';

import { Staleness } from '../../../lib/watch/staleness';
import { FakeClock } from './fake-clock';

function setup() {
  const clock = new FakeClock();
  const deadlines: number[] = [];
  const start = clock.now();
  const staleness = new Staleness(clock, 30_000, () => {
    deadlines.push(clock.now() - start);
    staleness.markStale();
  });
  return { clock, deadlines, staleness };
}

describe('Staleness', () => {
  it('reaches the deadline N seconds after the last refresh', () => {
    const { clock, deadlines, staleness } = setup();
    staleness.refreshed();
    clock.advance(10_000);
    staleness.refreshed();
    clock.advance(60_000);
    expect(deadlines, 'counted from the second refresh, at 10 s').toEqual([40_000]);
    expect(staleness.isStale).toBe(true);
  });

  it('keeps a single timer however often the price refreshes', () => {
    const { clock, staleness } = setup();
    for (let i = 0; i < 100; i++) {
      staleness.refreshed();
      clock.advance(100);
    }
    expect(clock.pendingTimers).toBe(1);
  });

  it('reports once, then again only after a refresh', () => {
    const { clock, deadlines, staleness } = setup();
    staleness.refreshed();
    clock.advance(100_000);
    expect(deadlines).toEqual([30_000]);
    staleness.refreshed();
    expect(staleness.isStale).toBe(false);
    clock.advance(30_000);
    expect(deadlines).toEqual([30_000, 130_000]);
  });

  it('never reports before a first refresh, nor after a reset', () => {
    const { clock, deadlines, staleness } = setup();
    clock.advance(100_000);
    staleness.refreshed();
    staleness.reset();
    clock.advance(100_000);
    expect(deadlines).toEqual([]);
    expect(staleness.refreshedAt).toBeNull();
  });
});
