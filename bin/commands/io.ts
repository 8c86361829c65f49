import { readFileSync } from 'node:fs';

import type { PlanCheck } from '../../lib/plan/validate';
import { checkPlan } from '../../lib/plan/validate';

/** What a command prints and how it exits: 0 ok, 1 the input is wrong, 2 it could not be read. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function failure(exitCode: number, message: string): CommandResult {
  return { exitCode, stdout: '', stderr: `${message}\n` };
}

/** Read a file, or the exit-2 failure that names it. */
export function readText(path: string): { ok: true; text: string } | { ok: false; result: CommandResult } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, result: failure(2, `${path}: cannot read: ${reason}`) };
  }
}

/** Read and check a plan file; unreadable or not JSON is exit 2 naming the file and line. */
export function readPlanFile(
  path: string,
): { ok: true; check: PlanCheck } | { ok: false; result: CommandResult } {
  const read = readText(path);
  if (!read.ok) return read;
  try {
    return { ok: true, check: checkPlan(JSON.parse(read.text)) };
  } catch (error) {
    return {
      ok: false,
      result: failure(2, `${path}: not valid JSON: ${jsonErrorWhere(read.text, error as Error)}`),
    };
  }
}

function jsonErrorWhere(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const offset = Number(position[1]);
  const line = text.slice(0, offset).split('\n').length;
  return `line ${line}: ${error.message}`;
}
