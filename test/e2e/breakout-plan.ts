/**
 * The long BTCUSDT plan test/fixtures/e2e/binance-futures-worker.html is scripted for (its
 * prices step through each level's approach zone and the level): R = 60,000 − 59,400 = 600;
 * entry qty 10,000 × 1 % / 600 = 0.1666… → 0.166 (down to the lot step); add-1 at
 * 60,000 + 0.5 R = 60,300 (0.083); target-1 at 61,200 (half the peak, 0.124).
 */
export const BREAKOUT_PLAN = {
  format: 'tranche.plan/1',
  name: 'BTC breakout (e2e)',
  instrument: { venue: 'binance-futures', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  entry: { price: '60000', when: 'above' },
  stop: { price: '59400' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '0.5' }, size: '0.5' }],
  scaleOut: [
    { at: { r: '2' }, share: '0.5' },
    { at: { r: '3' }, share: 'rest' },
  ],
  stopRules: [{ on: 'add', set: 'breakeven' }],
  alerts: { approachPercent: '0.25' },
};
