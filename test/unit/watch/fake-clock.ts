import type { Clock } from '../../../lib/watch/clock';

/** A Clock whose time moves only when a test says so; due timers run in time order. */
export class FakeClock implements Clock {
  private nowMillis: number;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  constructor(startMillis = Date.UTC(2026, 10, 26, 9, 30)) {
    this.nowMillis = startMillis;
  }

  now(): number {
    return this.nowMillis;
  }

  setTimer(run: () => void, delayInMillis: number): () => void {
    const id = this.nextId++;
    this.timers.set(id, { at: this.nowMillis + Math.max(0, delayInMillis), run });
    return () => this.timers.delete(id);
  }

  /** Move time forward, running every timer that falls due on the way. */
  advance(millis: number): void {
    const end = this.nowMillis + millis;
    for (;;) {
      let nextId: number | undefined;
      let nextAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && timer.at < nextAt) {
          nextAt = timer.at;
          nextId = id;
        }
      }
      if (nextId === undefined) break;
      const timer = this.timers.get(nextId);
      this.timers.delete(nextId);
      this.nowMillis = nextAt;
      timer?.run();
    }
    this.nowMillis = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
