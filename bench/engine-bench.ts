import { createEngine } from '../lib/engine/create';
import { nextActive } from '../lib/engine/quiet-band';
import { step } from '../lib/engine/step';
import type { EngineState } from '../lib/engine/types';
import type { Plan } from '../lib/plan/schema';
import type { Timing } from './measure';
import { millisOf, timingOf } from './measure';
import { seededRandom } from './seeded-random';

export interface EngineFigures {
  readonly ticks: number;
  readonly ticksPerSecond: number;
  readonly baselineTicksPerSecond: number;
  /** Engine time over baseline time on the same ticks: how much the engine costs per tick. */
  readonly ratio: number;
  readonly engine: Timing;
  readonly baseline: Timing;
  /** Ticks that left the quiet band and went through `step`, per run. */
  readonly steps: number;
  readonly fills: number;
  readonly filled: readonly string[];
  /** Printed so that neither loop's result is dead code the compiler could drop. */
  readonly checksum: number;
}

/**
 * A tick-by-tick random walk, one tick size (a cent) up or down per tick, as prices in a
 * Float64Array: the shape a price feed arrives in before any decimal work. Whole cents
 * divided by 100 print as their shortest decimal ("100.37"), so `String(price)` is exactly
 * the decimal string a page or a CSV would carry.
 */
export function tickWalk(count: number, seed: number, startCents: number): Float64Array {
  const random = seededRandom(seed);
  const prices = new Float64Array(count);
  let cents = startCents;
  for (let index = 0; index < count; index += 1) {
    cents += random() < 0.5 ? -1 : 1;
    prices[index] = cents / 100;
  }
  return prices;
}

export interface EngineRun {
  readonly state: EngineState;
  readonly steps: number;
}

/**
 * The engine's hot path exactly as `simulate` drives it (lib/sim/run.ts): a price inside
 * the quiet band is dismissed by two float comparisons; any other goes through `step` as a
 * decimal string. A fresh state per run, so every run crosses the same levels.
 */
export function runEngine(plan: Plan, prices: Float64Array): EngineRun {
  let state = createEngine(plan, { mode: 'auto', fill: 'level' });
  let steps = 0;
  const count = prices.length;
  for (
    let index = nextActive(state, prices, 0, count);
    index < count;
    index = nextActive(state, prices, index + 1, count)
  ) {
    steps += 1;
    ({ state } = step(state, { type: 'tick', price: String(prices[index]), time: index }));
  }
  return { state, steps };
}

/** The floor: read every tick and compare it with one number, the least any watcher can do. */
export function runBaseline(prices: Float64Array, threshold: number): number {
  let above = 0;
  for (let index = 0; index < prices.length; index += 1) {
    if (prices[index]! > threshold) above += 1;
  }
  return above;
}

export interface EngineBenchOptions {
  readonly plan: Plan;
  readonly ticks: number;
  readonly seed: number;
  readonly startCents: number;
  readonly warmups: number;
  readonly runs: number;
}

/**
 * Both loops over the same Float64Array in the same process, warmed up first so that both
 * are measured optimized, then interleaved run by run so that a slow moment of the machine
 * falls on both alike; each figure is the median of its runs.
 */
export function benchEngine(options: EngineBenchOptions): EngineFigures {
  const { plan, ticks, seed, startCents, warmups, runs } = options;
  const prices = tickWalk(ticks, seed, startCents);
  const threshold = Number(plan.entry.price);
  let checksum = 0;
  let last: EngineRun | null = null;
  const engineMillis: number[] = [];
  const baselineMillis: number[] = [];
  for (let round = 0; round < warmups + runs; round += 1) {
    const isMeasured = round >= warmups;
    const engineTime = millisOf(() => {
      last = runEngine(plan, prices);
    });
    const baselineTime = millisOf(() => {
      checksum += runBaseline(prices, threshold);
    });
    if (isMeasured) {
      engineMillis.push(engineTime);
      baselineMillis.push(baselineTime);
    }
  }
  const run = last as EngineRun | null;
  if (run === null) throw new Error('the engine benchmark made no run');
  checksum += run.steps + run.state.fills;
  const engine = timingOf(engineMillis);
  const baseline = timingOf(baselineMillis);
  return {
    ticks,
    ticksPerSecond: ticks / (engine.medianMillis / 1000),
    baselineTicksPerSecond: ticks / (baseline.medianMillis / 1000),
    ratio: engine.medianMillis / baseline.medianMillis,
    engine,
    baseline,
    steps: run.steps,
    fills: run.state.fills,
    filled: run.state.tranches
      .filter((tranche) => tranche.status === 'filled')
      .map((tranche) => `${tranche.id}@${tranche.price ?? '?'}`),
    checksum,
  };
}
