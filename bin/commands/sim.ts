import { formatProblem } from '../../lib/plan/problems';
import type { AdjustmentLine } from '../../lib/sim/adjust-file';
import { readAdjustments } from '../../lib/sim/adjust-file';
import { DataError, readPriceRows, splitLines } from '../../lib/sim/csv';
import { runSimulation, SimError } from '../../lib/sim/run';
import type { CommandResult } from './io';
import { failure, openChunks, readPlanFile } from './io';

export interface SimArgs {
  readonly plan: string;
  readonly data: string;
  readonly fill: 'level' | 'observed';
  readonly alerts: 'risk' | 'all';
  /** A file of adjustments, one JSON object a line (plan format, "Adjusting a live trade"). */
  readonly adjust?: string;
}

/**
 * `tranche sim --plan P --data F.csv`: one JSON event per line, then the summary. The data
 * file is streamed: each line is written (`write`) as the simulation makes it, so memory
 * does not grow with the file. A bad row ends the run with exit 2 naming its line, after
 * the lines of the rows before it (docs/decisions.md "Simulator"). The adjustment file is
 * read through once to check every line before anything is printed, then again, a line at
 * a time, as the data reaches each one.
 */
export function sim(args: SimArgs, write: (text: string) => void): CommandResult {
  const read = readPlanFile(args.plan);
  if (!read.ok) return read.result;
  if (!read.check.ok) return failure(1, read.check.problems.map(formatProblem).join('\n'));
  try {
    const adjustments =
      args.adjust === undefined ? { ok: true as const, lines: [] } : openAdjustments(args.adjust);
    if (!adjustments.ok) return adjustments.result;
    const data = openChunks(args.data);
    if (!data.ok) return data.result;
    const rows = readPriceRows(splitLines(data.chunks, args.data), args.data);
    runSimulation(
      read.check.plan,
      rows,
      { fill: args.fill, alerts: args.alerts },
      (line) => write(`${JSON.stringify(line)}\n`),
      adjustments.lines,
    );
    return { exitCode: 0, stdout: '', stderr: '' };
  } catch (error) {
    if (error instanceof DataError) return failure(2, error.message);
    if (error instanceof SimError) return failure(2, `${args.data}: ${error.message}`);
    throw error;
  }
}

/**
 * The adjustment file, every line checked in a first pass (a DataError names a bad one),
 * then opened again to be read a line at a time as the simulation reaches each.
 */
function openAdjustments(
  path: string,
): { ok: true; lines: Iterable<AdjustmentLine> } | { ok: false; result: CommandResult } {
  const checked = openChunks(path);
  if (!checked.ok) return checked;
  for (const _line of readAdjustments(splitLines(checked.chunks, path), path)) {
    // Reading is checking: a bad line throws before the simulation prints anything.
  }
  const opened = openChunks(path);
  if (!opened.ok) return opened;
  return { ok: true, lines: readAdjustments(splitLines(opened.chunks, path), path) };
}
