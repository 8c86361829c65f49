import { describe, expect, it } from 'vitest';

import { AccountDefaultsSchema } from '../../../lib/store/account-defaults';
import {
  emptyPlanTemplates,
  MAX_PLAN_TEMPLATES,
  PlanTemplatesSchema,
  withoutTemplate,
  withTemplate,
} from '../../../lib/store/plan-templates';
import { emptyTabPages, isNewTabPage, TAB_PAGES_LIMIT, withTabPage } from '../../../lib/store/tab-pages';

const template = (id: string, label = id) => ({ id, label, plan: { name: label }, savedAt: 1 });

describe('plan templates', () => {
  it(`keep at most ${MAX_PLAN_TEMPLATES}: the oldest goes when one more is saved`, () => {
    let record = emptyPlanTemplates();
    for (let index = 1; index <= MAX_PLAN_TEMPLATES + 1; index += 1)
      record = withTemplate(record, template(`t${index}`));
    expect(record.templates.length).toBe(MAX_PLAN_TEMPLATES);
    expect(record.templates[0]?.id).toBe('t2');
    expect(withoutTemplate(record, 't2').templates[0]?.id).toBe('t3');
  });

  it('a stored template that cannot be read is dropped alone', () => {
    const read = PlanTemplatesSchema.parse({
      version: 1,
      templates: [template('t1'), { id: 'bad id!', label: 'x', plan: {}, savedAt: 1 }, template('t3')],
    });
    expect(read.templates.map((kept) => kept.id)).toEqual(['t1', 't3']);
  });
});

describe('account defaults', () => {
  it.each([
    [{ equity: '25000', riskPercent: '0.5' }, { equity: '25000', riskPercent: '0.5' }, 'both kept'],
    [{ equity: 'lots', riskPercent: '1' }, { equity: null, riskPercent: '1' }, 'a word is no equity'],
    [
      { equity: '1e20', riskPercent: '-1' },
      { equity: null, riskPercent: null },
      'beyond the limits, below 0',
    ],
    [{ equity: null, riskPercent: null }, { equity: null, riskPercent: null }, 'not set'],
  ])('%o is read as %o (%s)', (stored, read, why) => {
    expect(AccountDefaultsSchema.parse({ version: 1, ...stored }), why).toEqual({ version: 1, ...read });
  });
});

describe('tab pages', () => {
  const page = { venue: 'binance-futures', symbol: 'BTCUSDT', origin: 'https://www.binance.com' };

  it('a tab’s page is written again only when it changes', () => {
    const record = withTabPage(emptyTabPages(), 5, { ...page, seenAt: 1 });
    expect(isNewTabPage(record, 5, page)).toBe(false);
    expect(isNewTabPage(record, 5, { ...page, symbol: 'ETHUSDT' })).toBe(true);
    expect(isNewTabPage(record, 6, page)).toBe(true);
  });

  it(`remembers at most ${TAB_PAGES_LIMIT} tabs, the least recently seen going first`, () => {
    let record = emptyTabPages();
    for (let tab = 0; tab <= TAB_PAGES_LIMIT; tab += 1)
      record = withTabPage(record, tab, { ...page, seenAt: tab });
    expect(Object.keys(record.tabs).length).toBe(TAB_PAGES_LIMIT);
    expect(record.tabs['0'], 'the first tab seen').toBeUndefined();
    expect(record.tabs[String(TAB_PAGES_LIMIT)]?.seenAt).toBe(TAB_PAGES_LIMIT);
  });
});
