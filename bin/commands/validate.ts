import { formatProblem } from '../../lib/plan/problems';
import type { CommandResult } from './io';
import { readPlanFile } from './io';

/** `tranche validate P.json`: 0 and a warning per too-small tranche, or 1 and a line per problem. */
export function validate(planPath: string): CommandResult {
  const read = readPlanFile(planPath);
  if (!read.ok) return read.result;
  const check = read.check;
  if (!check.ok)
    // The problems are the command's report: standard output, one line each.
    return { exitCode: 1, stdout: check.problems.map(formatProblem).join('\n') + '\n', stderr: '' };
  const warnings = check.warnings.map((warning) => `warning: ${formatProblem(warning)}`);
  return { exitCode: 0, stdout: [`ok: ${planPath}`, ...warnings].join('\n') + '\n', stderr: '' };
}
