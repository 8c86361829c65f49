import { describe, expect, it } from 'vitest';

import { exportFileName, MAX_PLAN_TEXT_CHARS, parsePlanText, planNameOf } from '../../../lib/plan/plan-text';

describe('parsePlanText', () => {
  it('reads JSON, with a byte-order mark and surrounding blanks', () => {
    expect(parsePlanText('\uFEFF  {"format":"tranche.plan/1"}\n', 'pyramid.json')).toEqual({
      ok: true,
      json: { format: 'tranche.plan/1' },
    });
  });

  it.each([
    ['', 'pyramid.json is empty: a plan file is JSON.'],
    ['   \n', 'pyramid.json is empty: a plan file is JSON.'],
  ])('names the source of an empty text %j', (text, error) => {
    expect(parsePlanText(text, 'pyramid.json')).toEqual({ ok: false, error });
  });

  it('says a text is not JSON, naming where it came from', () => {
    const read = parsePlanText('name: BTC breakout', 'The pasted text');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/^The pasted text is not JSON \(.+\)\.$/);
  });

  it('refuses a text far bigger than any plan', () => {
    const read = parsePlanText(`"${'x'.repeat(MAX_PLAN_TEXT_CHARS)}"`, 'big.json');
    expect(!read.ok && read.error).toBe(
      `big.json is ${MAX_PLAN_TEXT_CHARS + 2} characters long: a plan file is a few thousand.`,
    );
  });
});

describe('planNameOf', () => {
  it.each<[unknown, string | null]>([
    [{ name: 'BTC breakout' }, 'BTC breakout'],
    [{ name: '  ' }, null],
    [{ name: 3 }, null],
    [[], null],
    [null, null],
  ])('%j → %j', (json, name) => {
    expect(planNameOf(json)).toBe(name);
  });
});

describe('exportFileName', () => {
  it.each<[string, Parameters<typeof exportFileName>[2], string]>([
    ['BTC breakout', 'plan', 'btc-breakout.plan.json'],
    ['BTC breakout', 'journal-json', 'btc-breakout.journal.json'],
    ['Ünïcode / ETH: 50/30/20!', 'journal-csv', 'unicode-eth-50-30-20.journal.csv'],
    ['', 'plan', 'plan-p1.plan.json'],
    ['///', 'plan', 'plan-p1.plan.json'],
  ])('%j as %s → %s', (name, kind, file) => {
    expect(exportFileName(name, 'p1', kind)).toBe(file);
  });
});
