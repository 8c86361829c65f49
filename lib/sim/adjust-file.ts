import type { Adjustment } from '../plan/adjustment';
import { readAdjustment } from '../plan/adjustment';
import { formatProblem } from '../plan/problems';
import { quoted } from '../number-limits';
import { DataError } from './csv';
import type { TimeKind } from './csv-time';
import { readTime } from './csv-time';

/**
 * The simulator's adjustments (plan format, "Adjusting a live trade"): `--adjust A.jsonl`,
 * one JSON object a line — an adjustment and its `time`, written as the data file writes
 * its times. Lines are read one at a time, like the data; a bad one is a DataError naming
 * the file and its line (exit 2). Times may not go backwards: several at one time apply in
 * file order.
 */
export interface AdjustmentLine {
  readonly file: string;
  readonly line: number;
  /** Milliseconds since the epoch. */
  readonly time: number;
  /** The time as written in the file, echoed on output lines. */
  readonly label: string;
  readonly kind: TimeKind;
  readonly adjustment: Adjustment;
}

export function* readAdjustments(lines: Iterable<string>, file: string): Generator<AdjustmentLine> {
  let lineNumber = 0;
  let previous: AdjustmentLine | null = null;
  for (const text of lines) {
    lineNumber += 1;
    if (text.trim() === '') continue;
    const read = readLine(text, file, lineNumber);
    if (previous !== null && read.kind !== previous.kind) {
      throw new DataError(
        file,
        lineNumber,
        `time ${quoted(read.label)} is ${read.kind}, but line ${previous.line}'s is ${previous.kind}: use one kind per file`,
      );
    }
    if (previous !== null && read.time < previous.time) {
      throw new DataError(file, lineNumber, `time ${read.label} is earlier than line ${previous.line}'s`);
    }
    previous = read;
    yield read;
  }
}

function readLine(text: string, file: string, line: number): AdjustmentLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(file, line, `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DataError(file, line, 'must be one object like {"time": "…", "action": "stop", "price": "99"}');
  }
  const { time, ...fields } = json as Record<string, unknown>;
  if (typeof time !== 'string' && typeof time !== 'number') {
    throw new DataError(
      file,
      line,
      'time: is missing (write it as the data file does, like "2026-01-05T10:04:00Z")',
    );
  }
  const label = String(time).trim();
  const when = readTime(label);
  if (!when.ok) {
    throw new DataError(
      file,
      line,
      `time: ${quoted(label)} is ${when.reason === 'not-a-time' ? 'not a time (use ISO 8601, or epoch seconds or milliseconds, as the data file)' : 'not a date and time of the calendar'}`,
    );
  }
  const adjustment = readAdjustment(fields);
  if (!adjustment.ok) throw new DataError(file, line, adjustment.problems.map(formatProblem).join('; '));
  return { file, line, time: when.millis, label, kind: when.kind, adjustment: adjustment.adjustment };
}
