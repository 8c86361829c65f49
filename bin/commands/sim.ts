import { formatProblem } from '../../lib/plan/problems';
import { DataError, readPriceRows, splitLines } from '../../lib/sim/csv';
import { runSimulation, SimError } from '../../lib/sim/run';
import type { CommandResult } from './io';
import { failure, openChunks, readPlanFile } from './io';

export interface SimArgs {
  readonly plan: string;
  readonly data: string;
  readonly fill: 'level' | 'observed';
  readonly alerts: 'risk' | 'all';
}

/**
 * `tranche sim --plan P --data F.csv`: one JSON event per line, then the summary. The data
 * file is streamed: each line is written (`write`) as the simulation makes it, so memory
 * does not grow with the file. A bad row ends the run with exit 2 naming its line, after
 * the lines of the rows before it (docs/decisions.md "Simulator").
 */
export function sim(args: SimArgs, write: (text: string) => void): CommandResult {
  const read = readPlanFile(args.plan);
  if (!read.ok) return read.result;
  if (!read.check.ok) return failure(1, read.check.problems.map(formatProblem).join('\n'));
  const data = openChunks(args.data);
  if (!data.ok) return data.result;
  try {
    const rows = readPriceRows(splitLines(data.chunks, args.data), args.data);
    runSimulation(read.check.plan, rows, { fill: args.fill, alerts: args.alerts }, (line) =>
      write(`${JSON.stringify(line)}\n`),
    );
    return { exitCode: 0, stdout: '', stderr: '' };
  } catch (error) {
    if (error instanceof DataError) return failure(2, error.message);
    if (error instanceof SimError) return failure(2, `${args.data}: ${error.message}`);
    throw error;
  }
}
