import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { PlanInput } from '../lib/plan/schema';
import { seededRandom } from './seeded-random';

export interface SimFileFigures {
  readonly megabytes: number;
  readonly rows: number;
  readonly seconds: number;
  readonly peakMegabytes: number;
  readonly lines: number;
}

const SECOND_IN_MILLIS = 1000;
const START_IN_MILLIS = Date.UTC(2026, 0, 1);

/**
 * A tick file of about `megabytes` MB: one tick a second, a seeded walk of one cent up or
 * down from `startCents`, times in ISO 8601 (`2026-01-01T00:00:00Z,100.01`). Written a
 * block at a time. Returns the rows written.
 */
export function writeTickFile(path: string, megabytes: number, seed: number, startCents: number): number {
  const random = seededRandom(seed);
  const fd = openSync(path, 'w');
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let rows = 0;
  let cents = startCents;
  try {
    let block = 'time,price\n';
    while (written + block.length < target) {
      cents = Math.max(100, cents + (random() < 0.5 ? -1 : 1));
      const time = new Date(START_IN_MILLIS + rows * SECOND_IN_MILLIS).toISOString().slice(0, 19);
      block += `${time}Z,${(cents / 100).toFixed(2)}\n`;
      rows += 1;
      if (block.length >= 1 << 16) {
        written += block.length;
        writeSync(fd, block);
        block = '';
      }
    }
    writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return rows;
}

/**
 * `tranche sim` on a generated file of about `megabytes` MB, as a trader runs it: a child
 * process of the command line (`node --import tsx bin/tranche.ts sim`), its output
 * discarded. Wall time includes the command's start-up; the peak resident memory is the
 * child's own (bench/report-peak-memory.ts). The file lives in a temporary folder that is
 * removed afterwards.
 */
export function timeSimFile(
  plan: PlanInput,
  megabytes: number,
  seed: number,
  startCents: number,
): SimFileFigures {
  const folder = mkdtempSync(join(tmpdir(), 'tranche-bench-'));
  try {
    const planPath = join(folder, 'plan.json');
    const dataPath = join(folder, 'ticks.csv');
    writeFileSync(planPath, JSON.stringify(plan));
    const rows = writeTickFile(dataPath, megabytes, seed, startCents);
    const start = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './bench/report-peak-memory.ts',
        'bin/tranche.ts',
        'sim',
        '--plan',
        planPath,
        '--data',
        dataPath,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const peak = /peak-rss-kb (\d+)/.exec(run.stderr);
    if (run.status !== 0 || peak === null)
      throw new Error(`tranche sim failed (${run.status}): ${run.stderr}`);
    return {
      megabytes: statSync(dataPath).size / (1024 * 1024),
      rows,
      seconds,
      peakMegabytes: Number(peak[1]) / 1024,
      lines: run.stdout.trim().split('\n').length,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
