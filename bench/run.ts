/**
 * `npm run bench` (a table) and `npm run bench -- --json` (one JSON object): the engine's
 * per-tick cost against a bare loop, and a year of minute candles through the simulator.
 * Targets (issue 2): ratio ≤ 3 and a year ≤ 1 s on the project's 2-core machine. The
 * figures are reported, never asserted: timing belongs in docs/bench.md, not in tests.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';

import { swingPlan, TEN_LEVEL_PLAN, validPlan, waitingTurtlePlan } from './bench-plans';
import type { EngineFigures } from './engine-bench';
import { benchEngine } from './engine-bench';
import type { SimulateFigures } from './sim-bench';
import { MINUTES_PER_YEAR, minuteCandles, timeParseCsv, timeSimulate, toCsv } from './sim-bench';

const MAX_RATIO = 3;
const MAX_YEAR_SECONDS = 1;

const ENGINE = { ticks: 1_000_000, seed: 22, startCents: 10_000, warmups: 40, runs: 21 } as const;
const YEAR = { candles: MINUTES_PER_YEAR, seed: 7, startCents: 10_000 } as const;

interface Figures {
  readonly engine: EngineFigures;
  readonly simYear: SimulateFigures;
  readonly parseCsvSeconds: number;
  readonly simYearAtr: SimulateFigures;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
}

function measure(): Figures {
  const engine = benchEngine({ plan: validPlan(TEN_LEVEL_PLAN), ...ENGINE });
  const year = minuteCandles(YEAR.candles, YEAR.seed, YEAR.startCents);
  const simYear = timeSimulate(validPlan(swingPlan(YEAR.startCents / 100)), year, 1, 5);
  const parseCsv = timeParseCsv(toCsv(year, YEAR.seed + 1), YEAR.candles, 3);
  const yearHigh = year.reduce((high, candle) => Math.max(high, Number(candle.high)), 0);
  const simYearAtr = timeSimulate(validPlan(waitingTurtlePlan(Math.ceil(yearHigh * 1.1))), year, 0, 3);
  return {
    engine,
    simYear,
    parseCsvSeconds: parseCsv.medianMillis / 1000,
    simYearAtr,
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
    },
  };
}

/** The fields first, in its order; the detail after them. */
function toJson(figures: Figures) {
  const { engine, simYear, simYearAtr } = figures;
  return {
    engine: {
      ticksPerSecond: Math.round(engine.ticksPerSecond),
      baselineTicksPerSecond: Math.round(engine.baselineTicksPerSecond),
      ratio: round(engine.ratio, 3),
      ticks: engine.ticks,
      engineMillis: round(engine.engine.medianMillis, 3),
      baselineMillis: round(engine.baseline.medianMillis, 3),
      runs: engine.engine.runsMillis.length,
      steps: engine.steps,
      fills: engine.fills,
      checksum: engine.checksum,
    },
    simYear: {
      candles: simYear.candles,
      seconds: round(simYear.seconds, 3),
      fills: simYear.fills,
      parseCsvSeconds: round(figures.parseCsvSeconds, 3),
    },
    simYearAtr: { candles: simYearAtr.candles, seconds: round(simYearAtr.seconds, 3) },
    machine: figures.machine,
  };
}

function toTable(figures: Figures): string {
  const { engine, simYear, simYearAtr, machine } = figures;
  const rows: [string, string, string][] = [
    ['engine: ticks per second', count(engine.ticksPerSecond), ''],
    ['baseline: ticks per second', count(engine.baselineTicksPerSecond), ''],
    [
      'ratio (engine time / baseline time)',
      engine.ratio.toFixed(2),
      verdict(engine.ratio <= MAX_RATIO, `≤ ${MAX_RATIO}`),
    ],
    ['simYear: candles', count(simYear.candles), ''],
    [
      'simYear: simulate, seconds',
      simYear.seconds.toFixed(3),
      verdict(simYear.seconds <= MAX_YEAR_SECONDS, `≤ ${MAX_YEAR_SECONDS} s`),
    ],
    ['simYear: parseCsv of the same year, seconds', figures.parseCsvSeconds.toFixed(3), ''],
    ['simYearAtr: simulate, ATR plan waiting, seconds', simYearAtr.seconds.toFixed(3), ''],
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = [
    `Tranche benchmark · Node ${machine.node} · ${machine.cpus} cores · ${machine.cpuModel}`,
    '',
    ...rows.map(([name, value, note]) =>
      `${name.padEnd(nameWidth)}  ${value.padStart(valueWidth)}  ${note}`.trimEnd(),
    ),
    '',
    `engine: ${count(engine.ticks)} ticks; median of ${engine.engine.runsMillis.length} runs after warm-up: ` +
      `${engine.engine.medianMillis.toFixed(2)} ms, baseline ${engine.baseline.medianMillis.toFixed(2)} ms`,
    `  ${engine.steps} ticks left the quiet band and went through step(); filled ${engine.filled.join(', ')}`,
    `  checksum ${engine.checksum}`,
    `simYear: median of ${simYear.timing.runsMillis.length} runs; ${simYear.fills} fills; ` +
      `realized R ${String(simYear.summary.realizedR)}`,
    `simYearAtr: median of ${simYearAtr.timing.runsMillis.length} runs; ${simYearAtr.fills} fills (the entry never comes)`,
  ];
  return `${lines.join('\n')}\n`;
}

function verdict(isMet: boolean, target: string): string {
  return `${isMet ? 'meets' : 'MISSES'} target ${target}`;
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function round(value: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const figures = measure();
process.stdout.write(values.json ? `${JSON.stringify(toJson(figures))}\n` : toTable(figures));
