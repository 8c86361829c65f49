import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/*
 * The surfaces subscribe and the background pushes: no surface asks for its view on a
 * timer. Read from the sources of the popup, the planner, the panel's frame, what they
 * share, and the components they render.
 */

const SURFACE_DIRS = [
  'entrypoints/popup',
  'entrypoints/options',
  'entrypoints/overlay',
  'entrypoints/extension-pages',
  'components',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = SURFACE_DIRS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('the surfaces’ code', () => {
  it('is read from every surface', () => {
    expect(sources.map((source) => source.path)).toEqual(
      expect.arrayContaining([
        'entrypoints/popup/App.tsx',
        'entrypoints/options/App.tsx',
        'entrypoints/overlay/App.tsx',
      ]),
    );
  });

  it('has no repeating timer', () => {
    expect(
      sources.filter((source) => /\bsetInterval\s*\(/.test(source.text)).map((source) => source.path),
    ).toEqual([]);
  });

  it('never asks for a view: views come through the port', () => {
    expect(
      sources.filter((source) => source.text.includes("'plans-view'")).map((source) => source.path),
    ).toEqual([]);
  });
});
