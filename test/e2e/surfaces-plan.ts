/**
 * The long BTCUSDT plan test/fixtures/e2e/binance-surfaces.html is scripted for (the
 * surfaces', no-network and kept-aside tests): entry 60,000.0 (above), stop 59,000.0 →
 * R = 1,000; budget 10,000 × 1 % = 100 → entry qty 0.100; add 1 at +1R from the entry fill
 * (61,000.0), half the entry (0.050); target at +2R (62,000.0) for the rest. ATR 500 gives
 * the distances in ATR.
 */
export const SURFACES_PLAN = {
  format: 'tranche.plan/1',
  name: 'BTC breakout',
  instrument: { venue: 'binance-futures', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  volatility: { atr: '500' },
  entry: { price: '60000', when: 'above' },
  stop: { price: '59000' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '1' }, size: '0.5' }],
  scaleOut: [{ at: { r: '2' }, share: 'rest' }],
} as const;
