/**
 * Starting points for the planner (the planner's presets): complete `tranche.plan/1` files a trader edits
 * (prices, symbol, account) rather than writes from nothing. Plain JSON, decimals as strings,
 * exactly what the editor shows; test/unit/plan/presets.test.ts checks each one passes `checkPlan`.
 */
export interface Preset {
  readonly id: string;
  readonly label: string;
  /** One line: what the preset does. */
  readonly summary: string;
  readonly plan: Readonly<Record<string, unknown>>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'turtle',
    label: 'Turtle',
    summary: 'Units of 1% equity per ATR, 2 ATR stop, three adds every ½ ATR, earlier stops raised ½ ATR',
    plan: {
      format: 'tranche.plan/1',
      name: 'Turtle: 1 ATR units, 2 ATR stop, adds every ½ ATR',
      instrument: {
        venue: 'any',
        symbol: 'CL',
        tickSize: '0.01',
        lotStep: '1',
        minQty: '1',
        pointValue: '1000',
      },
      side: 'long',
      account: { equity: '1000000', riskPercent: '1' },
      volatility: { atr: '1.20' },
      entry: { price: '76.65', when: 'above' },
      stop: { atr: '2' },
      sizing: { method: 'unit' },
      scaleIn: [
        { step: { atr: '0.5' }, size: '1' },
        { step: { atr: '0.5' }, size: '1' },
        { step: { atr: '0.5' }, size: '1' },
      ],
      stopRules: [{ on: 'add', raise: { atr: '0.5' } }],
      limits: { maxQty: '32' },
    },
  },
  {
    id: 'pyramid',
    label: 'Pyramid 50/30/20',
    summary:
      'Half the position at entry, 30% at +1R, 20% at +2R, stop to breakeven on every add, out at 3R and 5R',
    plan: {
      format: 'tranche.plan/1',
      name: 'Pyramid 50/30/20, stop to breakeven on every add',
      instrument: { venue: 'any', symbol: 'DEMO', tickSize: '0.01', lotStep: '1', pointValue: '1' },
      side: 'long',
      account: { equity: '10000', riskPercent: '1' },
      entry: { price: '100' },
      stop: { price: '95' },
      sizing: { method: 'risk' },
      scaleIn: [
        { step: { r: '1' }, size: '0.6' },
        { step: { r: '1' }, size: '0.4' },
      ],
      scaleOut: [
        { at: { r: '3' }, share: '0.5' },
        { at: { r: '5' }, share: 'rest' },
      ],
      stopRules: [{ on: 'add', set: 'breakeven' }],
    },
  },
  {
    id: 'thirds',
    label: 'Thirds scale-out',
    summary:
      'One entry, a third out at 1R, 2R and 3R; breakeven after the first, stop to target 1 after the second',
    plan: {
      format: 'tranche.plan/1',
      name: 'Out in thirds: breakeven after target 1, stop to target 1 after target 2',
      instrument: { venue: 'any', symbol: 'ETHUSDT', tickSize: '0.01', lotStep: '0.01', minQty: '0.01' },
      side: 'long',
      account: { equity: '8000', riskAmount: '80' },
      entry: { price: '3200', when: 'above' },
      stop: { percent: '2' },
      sizing: { method: 'risk' },
      scaleOut: [
        { at: { r: '1' }, share: '0.34' },
        { at: { r: '2' }, share: '0.33' },
        { at: { r: '3' }, share: 'rest' },
      ],
      stopRules: [
        { on: 'target', index: 1, set: 'breakeven' },
        { on: 'target', index: 2, set: 'previousTarget' },
      ],
    },
  },
  {
    id: 'atr-ladder',
    label: 'ATR ladder',
    summary:
      'Adds of half the entry every 1 ATR, stops trailing 1.5 ATR behind the last add, out at 4, 6 and 8 ATR',
    plan: {
      format: 'tranche.plan/1',
      name: 'ATR ladder: adds every 1 ATR, trail 1.5 ATR, out at 4/6/8 ATR',
      instrument: { venue: 'any', symbol: 'BTCUSDT', tickSize: '0.1', lotStep: '0.001', minQty: '0.001' },
      side: 'long',
      account: { equity: '10000', riskPercent: '1' },
      volatility: { atr: '800' },
      entry: { price: '60000', when: 'above' },
      stop: { atr: '1.5' },
      sizing: { method: 'risk' },
      scaleIn: [
        { step: { atr: '1' }, size: '0.5' },
        { step: { atr: '1' }, size: '0.5' },
        { step: { atr: '1' }, size: '0.5' },
      ],
      scaleOut: [
        { at: { atr: '4' }, share: '0.3' },
        { at: { atr: '6' }, share: '0.3' },
        { at: { atr: '8' }, share: 'rest' },
      ],
      stopRules: [{ on: 'add', set: { trail: { atr: '1.5' } } }],
      limits: { maxOpenRiskPercent: '2' },
    },
  },
];

/** A preset's plan as the editor shows it: pretty JSON with a final newline. */
export function presetText(preset: Preset): string {
  return `${JSON.stringify(preset.plan, null, 2)}\n`;
}
