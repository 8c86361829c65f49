import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { z } from 'zod';

/** Saved pages, one folder per adapter id: `<name>.html` and its `<name>.json` manifest. */
export const FIXTURE_ROOT = fileURLToPath(new URL('../../fixtures/sites/', import.meta.url));

/** Every adapter's fixtures include these three states of a page. */
export const REQUIRED_FIXTURES = ['normal', 'loading', 'switched'] as const;

const ExpectedSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    symbol: z.string().min(1),
    price: z.string().regex(/^-?\d+(\.\d+)?$/),
    source: z.enum(['title', 'dom']),
    /** The price a second place on the page shows beside the title's (lib/watch cross-checks them). */
    second: z
      .object({
        place: z.enum(['order book', 'chart legend']),
        price: z.string().regex(/^\d+(\.\d+)?$/),
        followsPointer: z.boolean(),
      })
      .optional(),
  }),
  z.object({ ok: z.literal(false), reasonIncludes: z.string().min(1) }),
]);

export const ManifestSchema = z.object({
  url: z.url(),
  about: z.string().min(1),
  expected: ExpectedSchema,
});

export type Manifest = z.infer<typeof ManifestSchema>;

export interface SiteFixture extends Manifest {
  readonly adapterId: string;
  readonly name: string;
  readonly html: string;
}

export function fixtureAdapterIds(): string[] {
  return readdirSync(FIXTURE_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function fixtureNames(adapterId: string): string[] {
  const dir = join(FIXTURE_ROOT, adapterId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

export function loadFixtures(adapterId: string): SiteFixture[] {
  return fixtureNames(adapterId).map((name) => {
    const dir = join(FIXTURE_ROOT, adapterId);
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
    return { ...manifest, adapterId, name, html: readFileSync(join(dir, `${name}.html`), 'utf8') };
  });
}

const window = new Window({
  settings: { disableJavaScriptFileLoading: true, disableComputedStyleRendering: true },
});

/** A static Document from saved HTML, as the adapters get it in the page (no script runs). */
export function parseDocument(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A page whose title is `title` and whose body is `body`. */
export function pageWithTitle(title: string, body = '', lang = 'en'): Document {
  const doc = parseDocument(
    `<!doctype html><html lang="${lang}"><head><title></title></head><body>${body}</body></html>`,
  );
  doc.title = title;
  return doc;
}
