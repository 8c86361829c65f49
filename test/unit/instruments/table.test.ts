import { describe, expect, it } from 'vitest';

import { Decimal } from '../../../lib/decimal';
import { checkPlan } from '../../../lib/checks/check-plan';
import { ADAPTERS } from '../../../lib/sites/registry';
import { findInstrument, INSTRUMENT_TABLE } from '../../../lib/instruments/table';

describe('the instrument table', () => {
  it.each([
    // [venue, symbol as a page or a signal writes it, tickSize, lotStep, minQty, minNotional]
    ['binance-futures', 'BTCUSDT', '0.1', '0.001', '0.001', '100'],
    ['binance-futures', 'BINANCE:BTCUSDT.P', '0.1', '0.001', '0.001', '100'],
    ['binance-spot', 'BTC/USDT', '0.01', '0.00001', '0.00001', '5'],
    ['binance-spot', 'eth_usdt', '0.01', '0.0001', '0.0001', '5'],
    ['bybit', 'SOLUSDT', '0.01', '0.1', '0.1', '5'],
    ['okx', 'BTC-USDT', '0.1', '0.00000001', '0.00001', undefined],
    ['coinbase', 'BTC-USD', '0.01', '0.00000001', '0.00000001', '1'],
    ['kraken', 'BTC/USD', '0.1', '0.00000001', '0.00005', '0.5'],
  ])(
    'knows %s %s: tick %s, lot %s, min qty %s, min notional %s',
    (venue, symbol, tick, lot, minQty, minNotional) => {
      expect(findInstrument(venue, symbol)).toEqual({
        tickSize: tick,
        lotStep: lot,
        ...(minQty === undefined ? {} : { minQty }),
        ...(minNotional === undefined ? {} : { minNotional }),
      });
    },
  );

  it('gives an OKX swap its contract size as the point value (1 contract = 0.01 BTC)', () => {
    expect(findInstrument('okx', 'BTC-USDT-SWAP')).toMatchObject({ lotStep: '0.01', pointValue: '0.01' });
  });

  it.each([
    ['binance', 'BTCUSDT', 'a site family names no single market'],
    ['any', 'BTCUSDT', 'no venue'],
    ['binance-futures', 'NOSUCHCOINUSDT', 'an instrument the table lacks'],
    ['bitget', 'BTCUSDT', 'a venue Tranche has no reader for'],
  ])('knows nothing of %s %s (%s)', (venue, symbol) => {
    expect(findInstrument(venue, symbol)).toBeUndefined();
  });

  it('covers the top pairs on every venue, and only venues that a site reader has', () => {
    const readers = new Set(ADAPTERS.map((adapter) => adapter.id));
    for (const [venue, instruments] of INSTRUMENT_TABLE) {
      expect(readers.has(venue), `${venue} is a site reader's id`).toBe(true);
      expect(instruments.size, `${venue} lists the common instruments`).toBeGreaterThanOrEqual(12);
    }
    expect([...INSTRUMENT_TABLE.keys()].sort()).toEqual(
      ['binance-futures', 'binance-spot', 'bybit', 'coinbase', 'kraken', 'okx'].sort(),
    );
  });

  it('holds only positive decimals whose minimums are whole lots, each usable in a plan', () => {
    for (const [venue, instruments] of INSTRUMENT_TABLE) {
      for (const [symbol, spec] of instruments) {
        const where = `${venue} ${symbol}`;
        const { minNotional, ...instrument } = spec;
        const check = checkPlan({
          format: 'tranche.plan/1',
          instrument: { venue, symbol, ...instrument, ...(minNotional ? { minNotional } : {}) },
          side: 'long',
          account: { equity: '1000000', riskPercent: '1' },
          entry: { price: spec.tickSize === '1' ? '1000' : '1' },
          stop: { percent: '50' },
          sizing: { method: 'risk' },
        });
        expect(check.ok, `${where} makes a valid plan`).toBe(true);
        if (spec.minQty !== undefined) {
          const lots = new Decimal(spec.minQty).div(spec.lotStep);
          expect(lots.isInteger(), `${where}: min qty ${spec.minQty} is a whole number of lots`).toBe(true);
        }
      }
    }
  });
});
