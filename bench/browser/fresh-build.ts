import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { EXTENSION_DIR } from '../../scripts/launch-chromium';

/*
 * The browser figures measure the built Chrome extension, so it must be built from the
 * sources as they are: the build runs when .output/chrome-mv3 is missing or older than any
 * file the build reads.
 */

const BUILD_INPUTS = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/** Whether the Chrome build is missing or older than its sources. */
export function isBuildStale(): boolean {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return BUILD_INPUTS.some((input) => newestChange(resolve(input)) > built);
}

/** Build the Chrome extension (`wxt build`) when it is stale; its progress goes to standard error. */
export function ensureFreshBuild(): void {
  if (!isBuildStale()) return;
  process.stderr.write('bench: the extension build is missing or stale: npx wxt build\n');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', process.stderr, 'inherit'] });
  if (build.status !== 0) throw new Error('bench: the extension did not build (npx wxt build)');
}
