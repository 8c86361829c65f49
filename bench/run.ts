/**
 * `npm run bench` (a table) and `npm run bench -- --json` (one JSON object): the engine's
 * per-tick cost against a bare loop, a year of minute candles through the simulator, plan
 * files of 10,000 targets and of 10 MB through validation, and `tranche sim` on a 100 MB
 * file (time and peak memory); then the built extension in Chromium (bench/browser): tick to
 * alert and to the panel, the page's overhead, the popup's readiness, bundle sizes and the
 * worker's memory. `--only engine` or `--only browser` measures one part. Targets: ratio
 * ≤ 3, a year ≤ 1 s, validation ≤ 1 s, the 100 MB simulation ≤ 200 MB of memory, on the
 * project's 2-core machine, and those in bench/browser/browser-bench.ts. The figures are
 * reported, never asserted: timing belongs in docs/bench.md, not in tests.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';

import { swingPlan, TEN_LEVEL_PLAN, validPlan, waitingTurtlePlan } from './bench-plans';
import type { EngineFigures } from './engine-bench';
import { benchEngine } from './engine-bench';
import type { SimulateFigures } from './sim-bench';
import type { SimFileFigures } from './sim-file-bench';
import { timeSimFile } from './sim-file-bench';
import { MINUTES_PER_YEAR, minuteCandles, timeParseCsv, timeSimulate, toCsv } from './sim-bench';
import type { ValidateFigures } from './validate-bench';
import { largestPlanText, manyTargetsPlanText, targetsForMegabytes, timeValidate } from './validate-bench';
import { browserJson, browserTable, measureBrowser } from './browser/browser-bench';
import { formatTable, round, verdict, type Table } from './report-format';

const MAX_RATIO = 3;
const MAX_YEAR_SECONDS = 1;
const MAX_VALIDATE_SECONDS = 1;
const MAX_SIM_FILE_MEGABYTES = 200;

const ENGINE = { ticks: 1_000_000, seed: 22, startCents: 10_000, warmups: 40, runs: 21 } as const;
const YEAR = { candles: MINUTES_PER_YEAR, seed: 7, startCents: 10_000 } as const;
const VALIDATE = { targets: 10_000, megabytes: 10, runs: 5 } as const;
const SIM_FILE = { megabytes: 100, seed: 11, startCents: 10_000 } as const;

interface Figures {
  readonly engine: EngineFigures;
  readonly simYear: SimulateFigures;
  readonly parseCsvSeconds: number;
  readonly simYearAtr: SimulateFigures;
  readonly validateTargets: ValidateFigures;
  readonly validateFile: ValidateFigures;
  readonly validateLargest: ValidateFigures;
  readonly simFile: SimFileFigures;
}

function measure(): Figures {
  const engine = benchEngine({ plan: validPlan(TEN_LEVEL_PLAN), ...ENGINE });
  const year = minuteCandles(YEAR.candles, YEAR.seed, YEAR.startCents);
  const simYear = timeSimulate(validPlan(swingPlan(YEAR.startCents / 100)), year, 1, 5);
  const parseCsv = timeParseCsv(toCsv(year, YEAR.seed + 1), YEAR.candles, 3);
  const yearHigh = year.reduce((high, candle) => Math.max(high, Number(candle.high)), 0);
  const simYearAtr = timeSimulate(validPlan(waitingTurtlePlan(Math.ceil(yearHigh * 1.1))), year, 0, 3);
  const validateTargets = timeValidate(
    manyTargetsPlanText(TEN_LEVEL_PLAN, VALIDATE.targets),
    VALIDATE.targets,
    VALIDATE.runs,
  );
  const fileTargets = targetsForMegabytes(TEN_LEVEL_PLAN, VALIDATE.megabytes);
  const validateFile = timeValidate(
    manyTargetsPlanText(TEN_LEVEL_PLAN, fileTargets),
    fileTargets,
    VALIDATE.runs,
  );
  const validateLargest = timeValidate(largestPlanText(TEN_LEVEL_PLAN), 100, VALIDATE.runs);
  const simFile = timeSimFile(
    swingPlan(SIM_FILE.startCents / 100),
    SIM_FILE.megabytes,
    SIM_FILE.seed,
    SIM_FILE.startCents,
  );
  return {
    engine,
    simYear,
    parseCsvSeconds: parseCsv.medianMillis / 1000,
    simYearAtr,
    validateTargets,
    validateFile,
    validateLargest,
    simFile,
  };
}

const machine = {
  cpus: os.availableParallelism(),
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
};

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
    validate: {
      targets: figures.validateTargets.targets,
      seconds: round(figures.validateTargets.seconds, 4),
      fileMegabytes: round(figures.validateFile.megabytes, 1),
      fileTargets: figures.validateFile.targets,
      fileSeconds: round(figures.validateFile.seconds, 4),
      largestPlanSeconds: round(figures.validateLargest.seconds, 4),
      largestPlanAnswer: figures.validateLargest.answer,
      answer: figures.validateTargets.answer,
    },
    simFile: {
      megabytes: round(figures.simFile.megabytes, 1),
      rows: figures.simFile.rows,
      seconds: round(figures.simFile.seconds, 2),
      peakMegabytes: round(figures.simFile.peakMegabytes, 1),
      lines: figures.simFile.lines,
    },
  };
}

function toTable(figures: Figures): Table {
  const { engine, simYear, simYearAtr, validateTargets, validateFile, validateLargest, simFile } = figures;
  const rows: Table['rows'] = [
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
    [
      `validate: ${count(validateTargets.targets)} targets, seconds`,
      validateTargets.seconds.toFixed(4),
      verdict(validateTargets.seconds <= MAX_VALIDATE_SECONDS, `≤ ${MAX_VALIDATE_SECONDS} s`),
    ],
    [
      `validate: a ${validateFile.megabytes.toFixed(1)} MB plan file, seconds`,
      validateFile.seconds.toFixed(4),
      verdict(validateFile.seconds <= MAX_VALIDATE_SECONDS, `≤ ${MAX_VALIDATE_SECONDS} s`),
    ],
    [
      'validate: the largest plan the limits allow, seconds',
      validateLargest.seconds.toFixed(4),
      verdict(validateLargest.seconds <= MAX_VALIDATE_SECONDS, `≤ ${MAX_VALIDATE_SECONDS} s`),
    ],
    [
      `simFile: tranche sim on ${simFile.megabytes.toFixed(0)} MB of ticks, seconds`,
      simFile.seconds.toFixed(2),
      '',
    ],
    [
      'simFile: peak memory, MB',
      simFile.peakMegabytes.toFixed(0),
      verdict(simFile.peakMegabytes <= MAX_SIM_FILE_MEGABYTES, `≤ ${MAX_SIM_FILE_MEGABYTES} MB`),
    ],
  ];
  const notes = [
    `engine: ${count(engine.ticks)} ticks; median of ${engine.engine.runsMillis.length} runs after warm-up: ` +
      `${engine.engine.medianMillis.toFixed(2)} ms, baseline ${engine.baseline.medianMillis.toFixed(2)} ms`,
    `  ${engine.steps} ticks left the quiet band and went through step(); filled ${engine.filled.join(', ')}`,
    `  checksum ${engine.checksum}`,
    `simYear: median of ${simYear.timing.runsMillis.length} runs; ${simYear.fills} fills; ` +
      `realized R ${String(simYear.summary.realizedR)}`,
    `simYearAtr: median of ${simYearAtr.timing.runsMillis.length} runs; ${simYearAtr.fills} fills (the entry never comes)`,
    `validate: median of ${validateTargets.timing.runsMillis.length} runs each; the answer: ${validateTargets.answer}`,
    `simFile: ${count(simFile.rows)} rows, ${simFile.lines} output lines; one run, as a child process (start-up included)`,
  ];
  return { rows, notes };
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
});
if (values.only !== undefined && values.only !== 'engine' && values.only !== 'browser') {
  throw new Error(`--only takes engine or browser, not "${values.only}"`);
}
const figures = values.only === 'browser' ? null : measure();
const browser = values.only === 'engine' ? null : await measureBrowser();
process.stdout.write(
  values.json
    ? `${JSON.stringify({ ...(figures && toJson(figures)), ...(browser && browserJson(browser)), machine })}\n`
    : formatTable(`Tranche benchmark · Node ${machine.node} · ${machine.cpus} cores · ${machine.cpuModel}`, [
        ...(figures ? [toTable(figures)] : []),
        ...(browser ? [browserTable(browser)] : []),
      ]),
);
