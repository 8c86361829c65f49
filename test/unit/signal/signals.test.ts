import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { checkPlan } from '../../../lib/checks/check-plan';
import { formatProblem } from '../../../lib/plan/problems';
import type { SignalPlanOptions } from '../../../lib/signal';
import { planFromSignal } from '../../../lib/signal';

// Signal texts as channels post them (test/fixtures/signals), read into plans
// (docs/plan-format.md, "From a trade signal"): entry, stop and targets at the prices written, an entry range at its
// limit edge (the upper one for a long, the lower one for a short) unless a last price says
// which edge comes first, weights as written or equal shares with the last one "rest".
// Equal shares are written to 0.01 %: 1/2 = 0.5, 1/3 = 0.3333, 1/4 = 0.25, 1/8 = 0.125.

const ACCOUNT = { equity: '10000', riskPercent: '1' };

function fixture(name: string): string {
  return readFileSync(`test/fixtures/signals/${name}.txt`, 'utf8');
}

function plan(name: string, options: Partial<SignalPlanOptions> = {}) {
  const result = planFromSignal(fixture(name), { account: ACCOUNT, ...options });
  if (!result.ok) throw new Error(`${name} was refused: ${result.problems.map(formatProblem).join('; ')}`);
  return result;
}

function problems(name: string, options: Partial<SignalPlanOptions> = {}): string[] {
  const result = planFromSignal(fixture(name), { account: ACCOUNT, ...options });
  if (result.ok) throw new Error(`${name} was read as a plan: ${JSON.stringify(result.json)}`);
  return result.problems.map(formatProblem);
}

interface Expected {
  readonly venue: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly entry: string;
  readonly when?: 'above' | 'below';
  readonly stop: string;
  /** [price, share] in the signal's order. */
  readonly targets: readonly (readonly [string, string])[];
  readonly leverage?: string;
  readonly tickSize: string;
  readonly lotStep: string;
}

describe('signals read into plans', () => {
  it.each<[string, string, Expected]>([
    [
      'cornix-zone-long',
      'Cornix layout: entry zone, numbered targets and stop; Binance Futures + leverage → binance-futures, table steps',
      {
        venue: 'binance-futures',
        symbol: 'LINKUSDT',
        side: 'long',
        entry: '14.65',
        stop: '13.55',
        targets: [
          ['15.1', '0.3333'],
          ['15.6', '0.3333'],
          ['16.4', 'rest'],
        ],
        leverage: '5',
        tickSize: '0.001',
        lotStep: '0.01',
      },
    ],
    [
      'cornix-weights-short',
      'a short takes the lower edge of 3420–3465; "- 40%" after a target is its weight; weights making 100% end in rest',
      {
        venue: 'bybit',
        symbol: 'ETHUSDT',
        side: 'short',
        entry: '3420',
        stop: '3540',
        targets: [
          ['3380', '0.4'],
          ['3330', '0.3'],
          ['3250', 'rest'],
        ],
        leverage: '20',
        tickSize: '0.01',
        lotStep: '0.01',
      },
    ],
    [
      'emoji-tp-list',
      'emoji labels, TP1..TP3; no exchange → venue any, tick from "142.50" (0.01), lot 10^floor(log10(1/142.5)) = 0.001',
      {
        venue: 'any',
        symbol: 'SOLUSDT',
        side: 'long',
        entry: '142.5',
        stop: '138.2',
        targets: [
          ['146', '0.3333'],
          ['150', '0.3333'],
          ['155', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.01',
        lotStep: '0.001',
      },
    ],
    [
      'one-line-short',
      'everything on one line; whole numbers → tick 1; lot 10^floor(log10(1/67250)) = 0.00001',
      {
        venue: 'any',
        symbol: 'BTCUSDT',
        side: 'short',
        entry: '67250',
        stop: '68400',
        targets: [
          ['65800', '0.5'],
          ['64900', 'rest'],
        ],
        tickSize: '1',
        lotStep: '0.00001',
      },
    ],
    [
      'spot-buy-zone',
      '"Buy zone" is the entry and says long, "Sell" after it the targets; "Spot" without leverage → binance-spot',
      {
        venue: 'binance-spot',
        symbol: 'ARBUSDT',
        side: 'long',
        entry: '0.765',
        stop: '0.695',
        targets: [
          ['0.81', '0.3333'],
          ['0.86', '0.3333'],
          ['0.94', 'rest'],
        ],
        tickSize: '0.0001',
        lotStep: '0.1',
      },
    ],
    [
      'header-range',
      'no entry label: the range on the pair line is the entry; upper edge of 26.90–27.80',
      {
        venue: 'any',
        symbol: 'AVAXUSDT',
        side: 'long',
        entry: '27.8',
        stop: '25.95',
        targets: [
          ['28.7', '0.3333'],
          ['29.6', '0.3333'],
          ['31', 'rest'],
        ],
        leverage: '8',
        tickSize: '0.01',
        lotStep: '0.01',
      },
    ],
    [
      'perp-weights',
      '"#BTCUSDT PERP", "(30%)" weights 30 + 30 + 40 = 100, leverage 5x - 10x → the highest, 10',
      {
        venue: 'any',
        symbol: 'BTCUSDT',
        side: 'long',
        entry: '61850',
        stop: '59900',
        targets: [
          ['62400', '0.3'],
          ['63500', '0.3'],
          ['65000', 'rest'],
        ],
        leverage: '10',
        tickSize: '1',
        lotStep: '0.00001',
      },
    ],
    [
      'tradingview-symbol',
      'BYBIT:DOGEUSDT.P names the venue and the perpetual; targets separated by spaces only',
      {
        venue: 'bybit',
        symbol: 'DOGEUSDT',
        side: 'short',
        entry: '0.1624',
        stop: '0.1681',
        targets: [
          ['0.157', '0.3333'],
          ['0.1515', '0.3333'],
          ['0.144', 'rest'],
        ],
        tickSize: '0.00001',
        lotStep: '1',
      },
    ],
    [
      'russian',
      'Вход / Цели / Стоп / Плечо; lot 10^floor(log10(1/0.582)) = 1',
      {
        venue: 'any',
        symbol: 'XRPUSDT',
        side: 'long',
        entry: '0.582',
        stop: '0.556',
        targets: [
          ['0.596', '0.3333'],
          ['0.61', '0.3333'],
          ['0.635', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.0001',
        lotStep: '1',
      },
    ],
    [
      'russian-comma',
      'comma decimals ("5,42" cannot be thousands), "Тейк 1:" is a list number, not a price',
      {
        venue: 'any',
        symbol: 'TONUSDT',
        side: 'short',
        entry: '5.42',
        stop: '5.61',
        targets: [
          ['5.2', '0.5'],
          ['5.05', 'rest'],
        ],
        tickSize: '0.01',
        lotStep: '0.1',
      },
    ],
    [
      'chinese',
      '入场 / 止盈1 / 止损 / 杠杆 20倍; full-width colons; a short takes the lower edge 3520',
      {
        venue: 'any',
        symbol: 'ETHUSDT',
        side: 'short',
        entry: '3520',
        stop: '3610',
        targets: [
          ['3450', '0.5'],
          ['3380', 'rest'],
        ],
        leverage: '20',
        tickSize: '1',
        lotStep: '0.0001',
      },
    ],
    [
      'spanish',
      'Par / Zona de entrada / Objetivos / Apalancamiento',
      {
        venue: 'any',
        symbol: 'ADAUSDT',
        side: 'long',
        entry: '0.455',
        stop: '0.433',
        targets: [
          ['0.47', '0.3333'],
          ['0.485', '0.3333'],
          ['0.5', 'rest'],
        ],
        leverage: '5',
        tickSize: '0.0001',
        lotStep: '1',
      },
    ],
    [
      'portuguese',
      'Moeda #DOT (quoted in USDT) / Entrada / Alvos with "|" / Alavancagem; Binance Futures table',
      {
        venue: 'binance-futures',
        symbol: 'DOTUSDT',
        side: 'long',
        entry: '6.85',
        stop: '6.52',
        targets: [
          ['7.1', '0.3333'],
          ['7.35', '0.3333'],
          ['7.8', 'rest'],
        ],
        leverage: '3',
        tickSize: '0.001',
        lotStep: '0.1',
      },
    ],
    [
      'turkish',
      'Giriş Bölgesi / Hedefler / Zarar Durdur / Kaldıraç',
      {
        venue: 'any',
        symbol: 'AVAXUSDT',
        side: 'long',
        entry: '34.2',
        stop: '32.7',
        targets: [
          ['35.1', '0.3333'],
          ['36', '0.3333'],
          ['37.4', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.01',
        lotStep: '0.01',
      },
    ],
    [
      'vietnamese',
      'BÁN (SHORT) / Điểm vào / Chốt lời / Cắt lỗ / Đòn bẩy x10',
      {
        venue: 'any',
        symbol: 'BNBUSDT',
        side: 'short',
        entry: '598',
        stop: '612',
        targets: [
          ['590', '0.3333'],
          ['582', '0.3333'],
          ['570', 'rest'],
        ],
        leverage: '10',
        tickSize: '1',
        lotStep: '0.001',
      },
    ],
    [
      'arabic',
      'شراء (buy) / الدخول / الأهداف / وقف الخسارة / الرافعة',
      {
        venue: 'any',
        symbol: 'LINKUSDT',
        side: 'long',
        entry: '17.4',
        stop: '16.6',
        targets: [
          ['17.9', '0.3333'],
          ['18.5', '0.3333'],
          ['19.2', 'rest'],
        ],
        leverage: '5',
        tickSize: '0.01',
        lotStep: '0.01',
      },
    ],
    [
      'arabic-digits',
      'Arabic-Indic digits and the Arabic decimal separator: ١٤٥٫٥٠ = 145.50',
      {
        venue: 'any',
        symbol: 'SOLUSDT',
        side: 'long',
        entry: '145.5',
        stop: '140.8',
        targets: [
          ['149', '0.5'],
          ['153', 'rest'],
        ],
        tickSize: '0.01',
        lotStep: '0.001',
      },
    ],
    [
      'persian',
      'Persian digits; لانگ / نقطه ورود / تارگت ها / حد ضرر / اهرم',
      {
        venue: 'any',
        symbol: 'OPUSDT',
        side: 'long',
        entry: '1.85',
        stop: '1.72',
        targets: [
          ['1.92', '0.3333'],
          ['2.01', '0.3333'],
          ['2.15', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.01',
        lotStep: '0.1',
      },
    ],
    [
      'indonesian',
      'BELI / Area beli / Target / Stop loss',
      {
        venue: 'any',
        symbol: 'NEARUSDT',
        side: 'long',
        entry: '5.35',
        stop: '4.98',
        targets: [
          ['5.6', '0.3333'],
          ['5.85', '0.3333'],
          ['6.2', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.01',
        lotStep: '0.1',
      },
    ],
    [
      'bold-letters',
      'Telegram "bold" letters and digits (𝐄𝐧𝐭𝐫𝐲: 𝟐𝟑.𝟒𝟎) read as plain text',
      {
        venue: 'any',
        symbol: 'INJUSDT',
        side: 'long',
        entry: '23.4',
        stop: '22.6',
        targets: [
          ['24.1', '0.5'],
          ['24.9', 'rest'],
        ],
        tickSize: '0.01',
        lotStep: '0.01',
      },
    ],
    [
      'keycap-list',
      'keycap list numbers 1️⃣ 2️⃣ 3️⃣ are markers, not prices',
      {
        venue: 'any',
        symbol: 'WIFUSDT',
        side: 'short',
        entry: '2.48',
        stop: '2.59',
        targets: [
          ['2.41', '0.3333'],
          ['2.35', '0.3333'],
          ['2.26', 'rest'],
        ],
        tickSize: '0.001',
        lotStep: '0.1',
      },
    ],
    [
      'inferred-side',
      'no side written: the stop below the entry and both targets above fit only a long',
      {
        venue: 'any',
        symbol: 'SUIUSDT',
        side: 'long',
        entry: '1.842',
        stop: '1.798',
        targets: [
          ['1.89', '0.5'],
          ['1.95', 'rest'],
        ],
        tickSize: '0.0001',
        lotStep: '0.1',
      },
    ],
    [
      'dca-entries',
      "Entry 1/2/3 are the range 78.50–84.20 (their weights are not the plan's); leverage 3-5x → 5",
      {
        venue: 'binance-futures',
        symbol: 'LTCUSDT',
        side: 'long',
        entry: '84.2',
        stop: '76.4',
        targets: [
          ['87', '0.3333'],
          ['90.5', '0.3333'],
          ['95', 'rest'],
        ],
        leverage: '5',
        tickSize: '0.01',
        lotStep: '0.001',
      },
    ],
    [
      'breakout-above',
      '"Long above 0.01215" is a breakout entry: when "above"',
      {
        venue: 'any',
        symbol: '1000PEPEUSDT',
        side: 'long',
        entry: '0.01215',
        when: 'above',
        stop: '0.0115',
        targets: [
          ['0.0126', '0.3333'],
          ['0.0131', '0.3333'],
          ['0.0139', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.00001',
        lotStep: '1',
      },
    ],
    [
      'subscript-zeros',
      '0.0₄9850 = 0.00009850 (four zeros after the mark): tick 10^-8 from its 8 places',
      {
        venue: 'any',
        symbol: 'PEPEUSDT',
        side: 'long',
        entry: '0.0000985',
        stop: '0.000095',
        targets: [
          ['0.000102', '0.5'],
          ['0.000106', 'rest'],
        ],
        tickSize: '0.00000001',
        lotStep: '1',
      },
    ],
    [
      'thousands-commas',
      'English labels: "64,200" groups thousands; "After TP1 move SL to 64,200" is for later, not a second stop',
      {
        venue: 'any',
        symbol: 'BTCUSDT',
        side: 'long',
        entry: '64500',
        stop: '62900',
        targets: [
          ['65800', '0.5'],
          ['67000', 'rest'],
        ],
        tickSize: '1',
        lotStep: '0.00001',
      },
    ],
    [
      'move-targets-percent-moves',
      '"(5%)" after a target is its move from 18 (17.10 = 18 × 0.95), not a weight: equal shares',
      {
        venue: 'binance-futures',
        symbol: 'LINKUSDT',
        side: 'short',
        entry: '18',
        stop: '18.9',
        targets: [
          ['17.1', '0.3333'],
          ['16.2', '0.3333'],
          ['15.3', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.001',
        lotStep: '0.01',
      },
    ],
    [
      'numbered-targets',
      'targets listed "1. 41" under their label: the list numbers are no prices',
      {
        venue: 'any',
        symbol: 'ORDIUSDT',
        side: 'long',
        entry: '39.5',
        stop: '36.9',
        targets: [
          ['41', '0.3333'],
          ['43.5', '0.3333'],
          ['46', 'rest'],
        ],
        leverage: '10',
        tickSize: '0.1',
        lotStep: '0.01',
      },
    ],
  ])('%s: %s', (name, _how, expected) => {
    const { json } = plan(name);
    expect(json).toMatchObject({
      format: 'tranche.plan/1',
      instrument: {
        venue: expected.venue,
        symbol: expected.symbol,
        tickSize: expected.tickSize,
        lotStep: expected.lotStep,
      },
      side: expected.side,
      account: ACCOUNT,
      entry: { price: expected.entry, ...(expected.when ? { when: expected.when } : {}) },
      stop: { price: expected.stop },
      sizing: { method: 'risk' },
      scaleOut: expected.targets.map(([price, share]) => ({ at: { price }, share })),
    });
    expect(json['entry'], 'no "when" unless the signal writes above or below').toEqual(
      expected.when ? { price: expected.entry, when: expected.when } : { price: expected.entry },
    );
    expect(json['limits']).toEqual(expected.leverage ? { leverage: expected.leverage } : undefined);
    expect(checkPlan(json).ok, 'the plan passes the same validation as any imported plan').toBe(true);
  });
});

describe('signals asked about, never guessed: one line per problem', () => {
  it.each<[string, string, readonly string[]]>([
    [
      'no-stop',
      'no stop written',
      ['stop: no stop loss found: write its price (like "SL: 0.4950"); Tranche plans no trade without one'],
    ],
    [
      'two-stops',
      '"close 4h above 0.1690 or 0.1720": two stops, one is needed',
      ['stop: different stops (0.169, 0.172): keep one'],
    ],
    [
      'no-pair',
      'LONG with prices but no coin',
      ['pair: no pair found: write it like "BTC/USDT", "#BTCUSDT" or "$BTC"'],
    ],
    [
      'several-pairs',
      'two pairs in one signal',
      ['pair: the text names several pairs (BTCUSDT, ETHUSDT): paste one signal at a time'],
    ],
    [
      'contradictory-side',
      'says LONG, but the stop 10.20 is above the entry 9.80 and both targets below it',
      [
        'side: the text says long, but its stop lies above the entry and its targets below it, as for a short: which is it?',
      ],
    ],
    ['both-sides', 'LONG and SHORT in one text', ['side: the text says both long and short: keep one']],
    [
      'no-side',
      'no side, and the stop 0.1120 lies above the entry 0.1100 like the target 0.1150: no side fits',
      [
        'side: the text says neither long nor short, and its stop and targets do not tell: write LONG or SHORT',
      ],
    ],
    [
      'target-wrong-side',
      'a short whose second target 8.30 lies above its entry 8.10: the plan validation names it',
      [
        "target 2: target 2 at 8.3 is not below the entry 8.1: a short's targets lie below it",
        'target 2: target 2 at 8.3 is nearer the entry than target 1 at 7.8: list targets from the nearest to the farthest',
      ],
    ],
    [
      'news',
      'a news post names prices but labels no entry, stop or target',
      ['text: no trade signal found: a signal names the pair, the side, the entry, the stop and the targets'],
    ],
    [
      'abbreviated',
      '"61.5K" is a rounded price',
      [
        'prices: "61.5K" is rounded: write the full price',
        'prices: "62K" is rounded: write the full price',
        'prices: "64K" is rounded: write the full price',
        'prices: "66K" is rounded: write the full price',
      ],
    ],
    [
      'ambiguous-decimals',
      'Turkish labels and every price written "1.250": 1.25 or 1250, no last price to tell',
      [
        'prices: "1.250" could be 1.25 or 1250: write it without the thousands separator, or give the last price',
      ],
    ],
    [
      'market-entry',
      '"at market" with no last price given',
      ['entry: the signal enters at the market price: give the last price, or write the entry price'],
    ],
  ])('%s: %s', (name, _why, expected) => {
    expect(problems(name)).toEqual(expected);
  });
});

describe('the last price, the account and where the numbers came from', () => {
  it.each<[string | undefined, string, string]>([
    // [last price, entry, why] for the range 78.50–84.20 of dca-entries (a long)
    [undefined, '84.2', 'no last price: the edge a limit buy waits at, the upper one'],
    ['90', '84.2', 'above the range: falling, the price reaches 84.20 first'],
    ['75', '78.5', 'below the range: rising, it reaches 78.50 first'],
    ['80', '78.5', 'inside: 80 − 78.50 = 1.50 is nearer than 84.20 − 80 = 4.20'],
    ['82.5', '84.2', 'inside: 84.20 − 82.50 = 1.70 is nearer than 82.50 − 78.50 = 4.00'],
    ['81.35', '84.2', 'the middle, (78.50 + 84.20) / 2 = 81.35: a tie goes to the limit edge'],
  ])('an entry range with last price %s enters at %s (%s)', (lastPrice, entry, why) => {
    const { json } = plan('dca-entries', lastPrice === undefined ? {} : { lastPrice });
    expect(json['entry'], why).toEqual({ price: entry });
  });

  it('enters "at market" at the last price given', () => {
    expect(plan('market-entry', { lastPrice: '3512.4' }).json).toMatchObject({
      entry: { price: '3512.4' },
      stop: { price: '3380' },
      scaleOut: [
        { at: { price: '3600' }, share: '0.5' },
        { at: { price: '3700' }, share: 'rest' },
      ],
    });
  });

  it.each([
    ['1.262', '1.25', ['1.3', '1.35'], '1.25 lies near 1.262, 1250 a thousand times off'],
    ['1262', '1250', ['1300', '1350'], '1250 lies near 1262'],
  ])('reads "1.250" by the last price %s as %s', (lastPrice, entry, targets, why) => {
    const { json } = plan('ambiguous-decimals', { lastPrice });
    expect(json, why).toMatchObject({
      entry: { price: entry },
      scaleOut: targets.map((price) => ({ at: { price } })),
    });
  });

  it('asks when the entry lies more than twice as far as the last price (a misprint, or other units)', () => {
    expect(problems('dca-entries', { lastPrice: '30' })).toEqual([
      "entry: the entry 78.5 is far from the last price 30: check the signal's prices",
    ]);
  });

  it('risks the trader\'s account, not the signal\'s advice ("Use only 2% of your portfolio")', () => {
    const account = { equity: '25000', riskPercent: '0.5' };
    expect(planFromSignal(fixture('perp-weights'), { account })).toMatchObject({
      ok: true,
      json: { account },
    });
  });

  it.each([
    [
      'cornix-zone-long',
      'LINKUSDT long from a signal (entry at 14.65, an edge of 14.2–14.65; tick and lot step from the binance-futures table of 2026-12-05)',
    ],
    [
      'inferred-side',
      'SUIUSDT long from a signal (long: read from its stop and targets; tick 0.0001 from its decimals, lot step 0.1 by default: check both)',
    ],
  ])('names %s after where its numbers came from', (name, planName) => {
    expect(plan(name).json['name']).toBe(planName);
  });

  it('gives an OKX perpetual its swap symbol, in contracts of 0.01 BTC', () => {
    // Risk 1 % of 10000 = 100 over R = 64000 − 62000 = 2000 per BTC: 100 / (2000 × 0.01) = 5 contracts.
    const { json, plan: checked } = plan('okx-swap');
    expect(json['instrument']).toEqual({
      venue: 'okx',
      symbol: 'BTC-USDT-SWAP',
      tickSize: '0.1',
      lotStep: '0.01',
      minQty: '0.01',
      pointValue: '0.01',
    });
    expect(checked.instrument.pointValue).toBe('0.01');
  });
});

describe('a leverage whose liquidation comes before the stop', () => {
  it('uses the lower leverage the signal allows, and says why', () => {
    // At 5x a long's liquidation estimate is 1.0000 × (1 − 1/5) = 0.80, above the stop 0.78;
    // at 3x it is 1 × (1 − 1/3) = 0.667, below it. Safe up to 1 / (1 − 0.78) = 4.5 → 4x.
    const result = plan('leverage-range-liquidation');
    expect(result.json['limits']).toEqual({ leverage: '3' });
    expect(result.warnings).toEqual([
      {
        field: 'leverage',
        message:
          'at 5x the stop 0.78 lies at or beyond the liquidation estimate: the plan uses 3x, which it also allows; at 4x or less the stop comes first',
      },
    ]);
  });

  it('leaves leverage out when none the signal gives keeps the stop first, and says so in the name', () => {
    // At 10x: 20 × (1 − 1/10) = 18 lies above the stop 17. Safe up to 1 / (1 − 17/20) = 6.67 → 6x.
    const result = plan('leverage-beyond-liquidation');
    expect(result.json['limits']).toBeUndefined();
    expect(result.json['name']).toContain('no leverage: 10x liquidates before the stop');
    expect(result.warnings.map(formatProblem)).toEqual([
      'leverage: at 10x the stop 17 lies at or beyond the liquidation estimate: the plan leaves leverage out; at 6x or less the stop comes first',
    ]);
  });
});
