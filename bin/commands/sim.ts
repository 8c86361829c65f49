import { formatProblem } from '../../lib/plan/validate';
import { DataError, parseCsv } from '../../lib/sim/csv';
import { SimError, simulate } from '../../lib/sim/run';
import type { CommandResult } from './io';
import { failure, readPlanFile, readText } from './io';

export interface SimArgs {
  readonly plan: string;
  readonly data: string;
  readonly fill: 'level' | 'observed';
  readonly alerts: 'risk' | 'all';
}

/** `tranche sim --plan P --data F.csv`: one JSON event per line, then the summary. */
export function sim(args: SimArgs): CommandResult {
  const read = readPlanFile(args.plan);
  if (!read.ok) return read.result;
  if (!read.check.ok) return failure(1, read.check.problems.map(formatProblem).join('\n'));
  const csv = readText(args.data);
  if (!csv.ok) return csv.result;
  try {
    const data = parseCsv(csv.text, args.data);
    const { lines } = simulate(read.check.plan, data, { fill: args.fill, alerts: args.alerts });
    return { exitCode: 0, stdout: lines.map((line) => JSON.stringify(line)).join('\n') + '\n', stderr: '' };
  } catch (error) {
    if (error instanceof DataError) return failure(2, error.message);
    if (error instanceof SimError) return failure(2, `${args.data}: ${error.message}`);
    throw error;
  }
}
