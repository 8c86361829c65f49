import { describe, expect, it } from 'vitest';
import { ADAPTERS, findAdapter } from '../../../lib/sites/registry';
import type { SiteAdapter } from '../../../lib/sites/types';
import { REQUIRED_FIXTURES, loadFixtures, pageWithTitle, parseDocument } from './fixtures';

/**
 * What every site adapter promises, checked the same way for each (like trading-signals'
 * testIndicatorContract): its saved pages read as their manifests say, the registry routes
 * their URLs to it, and pages with nothing to read give a reason instead of a quote.
 */
export function testAdapterContract(adapter: SiteAdapter): void {
  const fixtures = loadFixtures(adapter.id);
  const isFallback = adapter.id === 'title';

  describe(`${adapter.id} adapter`, () => {
    it('has a kebab-case id and a label', () => {
      expect(adapter.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(adapter.label.trim()).not.toBe('');
    });

    it('has a normal, a loading and a switched page among its fixtures', () => {
      expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining([...REQUIRED_FIXTURES]));
    });

    it.each(fixtures)('reads $name as its manifest expects ($about)', (fixture) => {
      const url = new URL(fixture.url);
      const result = adapter.read(parseDocument(fixture.html), url);
      if (fixture.expected.ok) {
        const { symbol, price, source, second } = fixture.expected;
        expect(result, `${fixture.name}.html should give a quote`).toEqual({
          ok: true,
          quote: second === undefined ? { symbol, price, source } : { symbol, price, source, second },
        });
      } else {
        expect(result.ok, `${fixture.name}.html should give no quote`).toBe(false);
        if (!result.ok) expect(result.reason).toContain(fixture.expected.reasonIncludes);
      }
    });

    it.each(fixtures)('is the adapter the registry picks for $url', (fixture) => {
      const url = new URL(fixture.url);
      const claimedBySite = ADAPTERS.filter((a) => a.id !== 'title' && a.matches(url)).map((a) => a.id);
      expect(claimedBySite, 'at most one site adapter claims a URL').toEqual(isFallback ? [] : [adapter.id]);
      expect(findAdapter(url)?.id).toBe(adapter.id);
    });

    it.each(fixtures)('gives a reason, not a quote, for an empty page at $url', (fixture) => {
      const result = adapter.read(pageWithTitle(''), new URL(fixture.url));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
    });

    it.each(fixtures)(
      'reads a copy of $name whose title was emptied from the page alone, if at all',
      (fixture) => {
        const doc = parseDocument(fixture.html);
        doc.title = '—';
        const result = adapter.read(doc, new URL(fixture.url));
        // A price read from the page survives a blank title; no price ever comes from the blank title.
        if (fixture.expected.ok && fixture.expected.source === 'dom') {
          expect(result).toEqual({
            ok: true,
            quote: { symbol: fixture.expected.symbol, price: fixture.expected.price, source: 'dom' },
          });
        } else if (result.ok) {
          expect(result.quote.source, 'a blank title gives no price of its own').toBe('dom');
        }
      },
    );
  });
}
