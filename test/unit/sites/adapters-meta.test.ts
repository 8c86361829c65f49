import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/sites/registry';
import type { SiteAdapter } from '../../../lib/sites/types';
import { REQUIRED_FIXTURES, fixtureAdapterIds, fixtureNames } from './fixtures';

/** lib/sites files that hold no adapter: the registry, shared types and helpers. */
const NOT_ADAPTER_FILES = new Set([
  'registry.ts',
  'types.ts',
  'symbol.ts',
  'picker.ts',
  'address.ts',
  'page-identity.ts',
]);

const SITES_DIR = fileURLToPath(new URL('../../../lib/sites/', import.meta.url));

function isAdapter(value: unknown): value is SiteAdapter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SiteAdapter>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.label === 'string' &&
    typeof candidate.matches === 'function' &&
    typeof candidate.read === 'function'
  );
}

const siteFiles = readdirSync(SITES_DIR)
  .filter((file) => file.endsWith('.ts'))
  .sort();

async function adaptersExportedBy(file: string): Promise<SiteAdapter[]> {
  const module = (await import(pathToFileURL(`${SITES_DIR}${file}`).href)) as Record<string, unknown>;
  return Object.values(module).filter(isAdapter);
}

// Like refined-github's features.test.ts: a new adapter file cannot be forgotten.
describe('site adapters are all registered, tested and unique', () => {
  it.each(siteFiles.filter((file) => !NOT_ADAPTER_FILES.has(file)))(
    'lib/sites/%s exports adapters that ADAPTERS lists',
    async (file) => {
      const exported = await adaptersExportedBy(file);
      expect(exported.length, `${file} should export at least one adapter`).toBeGreaterThan(0);
      for (const adapter of exported) expect(ADAPTERS, `${adapter.id} is not in ADAPTERS`).toContain(adapter);
    },
  );

  it.each([...NOT_ADAPTER_FILES].filter((file) => file !== 'registry.ts'))(
    'lib/sites/%s is a helper and exports no adapter',
    async (file) => {
      expect(await adaptersExportedBy(file)).toEqual([]);
    },
  );

  it.each(siteFiles.filter((file) => !NOT_ADAPTER_FILES.has(file)))(
    'lib/sites/%s ends with the real page URLs its fixtures stand for',
    (file) => {
      const source = readFileSync(`${SITES_DIR}${file}`, 'utf8').trimEnd();
      const lastComment = source.slice(source.lastIndexOf('/*'));
      expect(source.endsWith('*/'), `${file} should end with a comment`).toBe(true);
      expect(lastComment).toMatch(/^\/\*\n \* Fixtures stand for/);
      expect(lastComment).toMatch(/https:\/\//);
    },
  );

  it('gives every adapter a unique id', () => {
    const ids = ADAPTERS.map((adapter) => adapter.id);
    expect(new Set(ids).size, `duplicate ids in ${ids.join(', ')}`).toBe(ids.length);
  });

  it.each(ADAPTERS.map((adapter) => adapter.id))('%s has normal, loading and switched fixtures', (id) => {
    expect(fixtureNames(id)).toEqual(expect.arrayContaining([...REQUIRED_FIXTURES]));
  });

  it('has no fixture folder for an adapter that does not exist', () => {
    expect(fixtureAdapterIds()).toEqual(ADAPTERS.map((adapter) => adapter.id).sort());
  });

  it('keeps the title reader last, so site adapters always get the first look', () => {
    expect(ADAPTERS.at(-1)?.id).toBe('title');
  });
});
