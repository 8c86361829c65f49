import { describe, expect, it } from 'vitest';
import { buildSelector, isHashedClass, readPicked } from '../../../lib/sites/picker';
import { loadFixtures, parseDocument } from './fixtures';

function pick(html: string, target: string): { doc: Document; el: Element } {
  const doc = parseDocument(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`);
  const el = doc.querySelector(target);
  if (el === null) throw new Error(`no ${target} in the markup`);
  return { doc, el };
}

describe('buildSelector prefers what a site keeps stable', () => {
  it.each([
    {
      why: 'a stable id',
      html: '<div class="css-1m1f8hn"><span id="last-price">97,123.45</span></div>',
      target: '#last-price',
      selector: '#last-price',
    },
    {
      why: 'a data-testid',
      html: '<div><span class="sc-f70bb44c-0 jxpCgO" data-testid="ticker-last">97,123.45</span></div>',
      target: 'span',
      selector: 'span[data-testid="ticker-last"]',
    },
    {
      why: "TradingView's data-qa-id",
      html: '<span class="last-JWoJqCpY js-symbol-last" data-qa-id="symbol-last-value">97,123.45</span>',
      target: 'span',
      selector: 'span[data-qa-id="symbol-last-value"]',
    },
    {
      why: 'an aria-label that names the field',
      html: '<div aria-label="Last price"><b>97,123.45</b></div><div aria-label="Mark price"><b>97,120.00</b></div>',
      target: 'div[aria-label="Last price"] > b',
      selector: 'div[aria-label="Last price"] > b',
    },
    {
      why: 'a readable class, with hashed ones skipped',
      html: '<div class="nowPrice"><div class="showPrice css-1ke5b2y">97,123.45</div><div class="subPrice">$97,123.45</div></div>',
      target: '.showPrice',
      selector: 'div.showPrice',
    },
    {
      why: 'a position, only where siblings cannot be told apart',
      html: '<ul class="tickers"><li><span>1.5</span></li><li><span>97,123.45</span></li></ul>',
      target: 'li:nth-of-type(2) > span',
      selector: 'li:nth-of-type(2) > span',
    },
  ])('uses $why', ({ html, target, selector }) => {
    const { doc, el } = pick(html, target);
    const built = buildSelector(el);
    expect(built).toBe(selector);
    expect(Array.from(doc.querySelectorAll(built))).toEqual([el]);
  });

  it('skips an id that looks generated and an aria-label that holds the price', () => {
    const { doc, el } = pick(
      '<section id="app"><div id=":r1f:"><span aria-label="Price 97,123.45" class="price">97,123.45</span></div></section>',
      'span',
    );
    const built = buildSelector(el);
    expect(built).not.toContain(':r1f:');
    expect(built).not.toContain('97,123');
    expect(Array.from(doc.querySelectorAll(built))).toEqual([el]);
  });

  it.each([
    { name: 'css-1m1f8hn', hashed: true },
    { name: 'sc-f70bb44c-0', hashed: true },
    { name: 'jxpCgO', hashed: true },
    { name: 'Balance_price__H0Z3x', hashed: true },
    { name: 'last-JWoJqCpY', hashed: true },
    { name: 'tv-widget-watch-list__last', hashed: false },
    { name: 'js-symbol-last', hashed: false },
    { name: 'showPrice', hashed: false },
    { name: 'text-ds-body3', hashed: false },
  ])('classifies class "$name" as hashed: $hashed', ({ name, hashed }) => {
    expect(isHashedClass(name)).toBe(hashed);
  });

  it('finds every element of a saved page again, and only it', () => {
    const [fixture] = loadFixtures('tradingview').filter((f) => f.name === 'symbol-page');
    if (fixture === undefined) throw new Error('symbol-page fixture missing');
    const doc = parseDocument(fixture.html);
    const elements = Array.from(doc.body.querySelectorAll('*'));
    expect(elements.length).toBeGreaterThan(10);
    for (const el of elements) {
      expect(Array.from(doc.querySelectorAll(buildSelector(el))), buildSelector(el)).toEqual([el]);
    }
  });
});

describe('readPicked reads the price at a stored selector', () => {
  const page = `<div class="nowPrice"><div class="showPrice">97,123.<sup>45</sup></div></div>
    <div class="ticker"><span class="price">1,234</span></div>
    <ul><li class="row"><span class="last">1.5</span></li><li class="row"><span class="last">2.5</span></li></ul>
    <div class="sticky"><span class="mirror">4,705.32</span></div><div class="header"><span class="mirror">4,705.32</span></div>`;

  it.each([
    {
      selector: 'span.price',
      convention: { decimal: '.' as const },
      price: '1234',
      why: 'the confirmed convention',
    },
    { selector: 'span.mirror', convention: undefined, price: '4705.32', why: 'copies that agree' },
  ])('reads $price ($why)', ({ selector, convention, price }) => {
    const { doc } = pick(page, 'body');
    expect(readPicked(doc, selector, convention)).toEqual({ ok: true, price });
  });

  it.each([
    { selector: 'span.price', reason: /ambiguous/, why: 'no convention for "1,234"' },
    {
      selector: 'div.showPrice',
      reason: /"45" is printed raised/,
      why: 'digits in a <sup> (docs/page-reading.md#reading-a-number)',
    },
    { selector: 'span.last', reason: /different prices/, why: 'a list of prices' },
    { selector: '.gone', reason: /nothing on the page matches/, why: 'the node is gone after a redesign' },
    { selector: 'div[', reason: /not a valid CSS selector/, why: 'a corrupt stored selector' },
  ])('gives no price when $why', ({ selector, reason }) => {
    const { doc } = pick(page, 'body');
    const result = readPicked(doc, selector);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
