import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { RESULTS_DIR } from '../test/e2e/fixture-files';

/*
 * `npm run screenshots`: the README's pictures, refreshed on purpose. The Chromium tests
 * take each picture under the git-ignored test-results/ every time they run, so `npm test`
 * leaves the work tree as it found it; this builds the extension, runs the tests that take
 * the README's pictures, and copies each picture the README shows into docs/screenshots/.
 */

const README = resolve('README.md');
const SCREENSHOTS_DIR = resolve('docs/screenshots');
/** The end-to-end tests that take the README's pictures. */
const PICTURE_TESTS = [
  'test/e2e/surfaces.test.ts',
  'test/e2e/planner.test.ts',
  'test/e2e/quick-plan.test.ts',
];

/** The file names of the pictures the README shows from docs/screenshots/. */
function readmePictures(readme: string): string[] {
  const names = [...readme.matchAll(/\]\(docs\/screenshots\/([\w-]+\.png)\)/g)].map(
    (match) => match[1] ?? '',
  );
  return [...new Set(names)];
}

function run(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function main(): number {
  if (!run('npx', ['wxt', 'build'])) {
    console.error('the extension did not build');
    return 1;
  }
  if (!run('npx', ['vitest', 'run', '--project', 'e2e', ...PICTURE_TESTS])) {
    console.error('a test that takes the pictures failed: docs/screenshots/ is left as it was');
    return 1;
  }
  const pictures = readmePictures(readFileSync(README, 'utf8'));
  const missing = pictures.filter((name) => !existsSync(join(RESULTS_DIR, name)));
  if (missing.length > 0) {
    console.error(`no test took ${missing.join(', ')}: docs/screenshots/ is left as it was`);
    return 1;
  }
  for (const name of pictures) copyFileSync(join(RESULTS_DIR, name), join(SCREENSHOTS_DIR, name));
  console.log(`docs/screenshots/: ${pictures.join(', ')}`);
  return 0;
}

process.exitCode = main();
