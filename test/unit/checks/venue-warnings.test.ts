import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { planJson } from '../helpers';

describe('the plan’s venue', () => {
  it.each(['any', 'binance-futures', 'binance', 'tradingview', '127.0.0.1:8123', 'exchange.example'])(
    'accepts "%s" without a warning',
    (venue) => {
      const check = checkPlan(
        planJson({ instrument: { venue, symbol: 'DEMO', tickSize: '0.01', lotStep: '1' } }),
      );
      expect(check.ok && check.warnings.filter((warning) => warning.field === 'instrument.venue')).toEqual(
        [],
      );
    },
  );

  it('warns, naming the readers, when no site reader has that name', () => {
    const check = checkPlan(
      planJson({ instrument: { venue: 'binanse', symbol: 'DEMO', tickSize: '0.01', lotStep: '1' } }),
    );
    expect(check.ok).toBe(true);
    const warning = check.ok
      ? check.warnings.find((candidate) => candidate.field === 'instrument.venue')
      : undefined;
    expect(warning?.message).toMatch(
      /^no site reader is called "binanse" \(.*binance-futures.*\): only TradingView charts of DEMO/,
    );
  });
});
