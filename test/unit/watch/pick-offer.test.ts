// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';

import { offerPick, symbolToStore } from '../../../lib/watch/pick-offer';

function page(title: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><title>${title}</title><body>${body}</body>`,
    'text/html',
  );
}

describe('offerPick', () => {
  it('offers the value read back through the selector it built', () => {
    const doc = page('123.45 | ACME/USD | Example', '<div><span data-testid="last">123.45</span></div>');
    const offer = offerPick(doc, doc.querySelector('[data-testid="last"]')!);
    expect(offer).toEqual({
      ok: true,
      selector: 'span[data-testid="last"]',
      choices: [{ decimalMark: null, price: '123.45' }],
      titleSymbol: 'ACME/USD',
    });
  });

  it('offers both readings of an ambiguous number instead of guessing', () => {
    const doc = page('Example', '<span id="price">1,234</span>');
    const offer = offerPick(doc, doc.getElementById('price')!);
    expect(offer.ok && offer.choices).toEqual([
      { decimalMark: '.', price: '1234' },
      { decimalMark: ',', price: '1.234' },
    ]);
    expect(offer.ok && offer.titleSymbol, 'the title names no symbol').toBeNull();
  });

  // Each of these was offered as a price before: 97,123<sup>45</sup> as 97.12345, 59.4K as 59400.
  it.each([
    {
      html: '<span id="p">97,123<sup>45</sup></span>',
      reason: /"45" is printed raised/,
      why: 'digits in a <sup>',
    },
    { html: '<span id="p">59.4K</span>', reason: /abbreviated/, why: 'an abbreviated figure' },
    { html: '<span id="p">0.00</span>', reason: /zero/, why: 'a price of zero' },
    { html: '<span id="p">−12.5</span>', reason: /below zero/, why: 'a negative number' },
  ])('offers no price for $why, and says why', ({ html, reason }) => {
    const doc = page('Example', html);
    const offer = offerPick(doc, doc.getElementById('p')!);
    expect(offer).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('says why when the clicked element shows no price', () => {
    const doc = page('Example', '<button id="buy">Buy</button>');
    expect(offerPick(doc, doc.getElementById('buy')!)).toMatchObject({ ok: false });
  });
});

describe('symbolToStore', () => {
  it.each<[string, string | null, ReturnType<typeof symbolToStore>]>([
    ['ACMEUSD', null, { ok: true, symbol: 'ACMEUSD' }],
    ['  ACMEUSD ', null, { ok: true, symbol: 'ACMEUSD' }],
    ['', 'ACME/USD', { ok: true, symbol: null }],
    ['acme-usd', 'ACME/USD', { ok: true, symbol: null }],
    ['BTCUSDT', 'ACME/USD', { ok: true, symbol: 'BTCUSDT' }],
  ])('%j with the title naming %j stores %j', (typed, fromTitle, expected) => {
    expect(symbolToStore(typed, fromTitle)).toEqual(expected);
  });

  it.each([
    ['', null],
    ['<script>', null],
    ['A'.repeat(65), null],
  ])('refuses %j when the title names %j', (typed, fromTitle) => {
    expect(symbolToStore(typed, fromTitle).ok).toBe(false);
  });
});
