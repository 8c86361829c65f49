import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

import type { PlanCheck } from '../../lib/checks/check-plan';
import { checkPlan } from '../../lib/checks/check-plan';
import { withoutByteOrderMark } from '../../lib/plan/plan-text';

/** What a command prints and how it exits: 0 ok, 1 the input is wrong, 2 it could not be read. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function failure(exitCode: number, message: string): CommandResult {
  return { exitCode, stdout: '', stderr: `${message}\n` };
}

function cannotRead(path: string, error: unknown): CommandResult {
  const reason =
    (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
  return failure(2, `${path}: cannot read: ${reason}`);
}

/** Read a file, or the exit-2 failure that names it. */
export function readText(path: string): { ok: true; text: string } | { ok: false; result: CommandResult } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, result: cannotRead(path, error) };
  }
}

/**
 * How much of a data file is read at once. Small enough that each chunk, and the line
 * text cut from it, is an ordinary young object that the next minor collection frees: a
 * chunk of a megabyte goes to V8's large-object space, freed only by a full collection,
 * and a 100 MB file then held some 80 MB of finished chunks at a time.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * A file opened for reading in chunks of 64 kB, decoded as UTF-8 (a character split
 * between two chunks is kept whole), or the exit-2 failure that names it.
 */
export function openChunks(
  path: string,
): { ok: true; chunks: Iterable<string> } | { ok: false; result: CommandResult } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, result: cannotRead(path, error) };
  }
  function* chunks(): Generator<string> {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    try {
      for (let bytes = readSync(fd, buffer); bytes > 0; bytes = readSync(fd, buffer)) {
        yield decoder.write(buffer.subarray(0, bytes));
      }
      yield decoder.end();
    } finally {
      closeSync(fd);
    }
  }
  return { ok: true, chunks: chunks() };
}

/** Read and check a plan file; unreadable or not JSON is exit 2 naming the file and line. */
export function readPlanFile(
  path: string,
): { ok: true; check: PlanCheck } | { ok: false; result: CommandResult } {
  const read = readText(path);
  if (!read.ok) return read;
  const text = withoutByteOrderMark(read.text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      result: failure(2, `${path}: not valid JSON: ${jsonErrorWhere(text, error as Error)}`),
    };
  }
  return { ok: true, check: checkPlan(json) };
}

function jsonErrorWhere(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const offset = Number(position[1]);
  const line = text.slice(0, offset).split('\n').length;
  return `line ${line}: ${error.message}`;
}
