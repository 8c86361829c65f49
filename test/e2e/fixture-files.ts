import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Committed pages the end-to-end tests serve at real URLs (Chromium and Firefox alike). */
export const FIXTURE_DIR = resolve('test/fixtures/e2e');
/** Where screenshots go (git-ignored). */
export const RESULTS_DIR = resolve('test-results');

/** A committed fixture's text. */
export function readFixture(file: string): string {
  return readFileSync(join(FIXTURE_DIR, file), 'utf8');
}
