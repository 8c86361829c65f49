import { z } from 'zod';

import { toCanonical } from '../decimal';
import { limitWords, quoted, readLimitedNumber } from '../number-limits';

/** The plan format this build reads and writes (docs/plan-format.md). */
export const PLAN_FORMAT = 'tranche.plan/1';

/** The longest lists a plan may hold (plan format, "Numbers and limits"). */
export const MAX_ADDS = 100;
export const MAX_TARGETS = 100;
export const MAX_STOP_RULES = 50;
export const MAX_KEY_LEVELS = 50;
/** A key level's label is a word or two the trader reads in an alert, not a note. */
export const MAX_LEVEL_LABEL_LENGTH = 40;

/**
 * A price, quantity or money value: a decimal string within the input limits. Numbers are
 * accepted on import and converted through their shortest round-trip text, so `0.1`
 * becomes `"0.1"`, never a float.
 */
export function decimal(rule: 'positive' | 'nonnegative' = 'positive') {
  return z
    .union([z.string(), z.number()], {
      error: (issue) =>
        issue.input === undefined ? 'is missing' : 'must be a number written as text, like "97123.45"',
    })
    .transform((value, ctx) => {
      const text = typeof value === 'number' ? String(value) : value.trim();
      const read = readLimitedNumber(text, rule === 'nonnegative');
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: `${quoted(String(value))} ${limitWords(read.reason)}` });
        return z.NEVER;
      }
      if (read.value.isNegative()) {
        ctx.addIssue({
          code: 'custom',
          message: `must be ${rule === 'positive' ? 'greater than 0' : '0 or more'}, not ${text}`,
        });
        return z.NEVER;
      }
      return toCanonical(read.value);
    });
}

/**
 * An object that names exactly one of `keys`, each a positive decimal: the plan's way of
 * writing a level or a distance (`{ "r": "2" }`, `{ "atr": "0.5" }`, `{ "price": "105" }`).
 */
function oneOf<const K extends string>(keys: readonly K[], what: string) {
  const shape = Object.fromEntries(keys.map((key) => [key, decimal().optional()])) as Record<
    K,
    z.ZodOptional<ReturnType<typeof decimal>>
  >;
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.input === undefined ? 'is missing' : `must be an object with one of ${listKeys(keys)}`,
    })
    .superRefine((value, ctx) => {
      const given = keys.filter((key) => (value as Record<K, unknown>)[key] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: `${what} needs exactly one of ${listKeys(keys)}${given.length > 1 ? `, not ${listKeys(given)}` : ''}`,
        });
      }
    });
}

function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((key) => `"${key}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

const LEVEL_KEYS = ['price', 'r', 'atr', 'percent'] as const;
const DISTANCE_KEYS = ['atr', 'percent', 'amount'] as const;
const STOP_KEYS = ['price', 'atr', 'percent'] as const;

/** A level measured from a reference: an absolute price, k × R, k × ATR or a percentage. */
export const LevelSchema = oneOf(LEVEL_KEYS, 'a level');
export type Level = z.infer<typeof LevelSchema>;

/** A distance in price units: k × ATR, a percentage of the reference price, or an amount. */
export const DistanceSchema = oneOf(DISTANCE_KEYS, 'a distance');
export type Distance = z.infer<typeof DistanceSchema>;

export const InstrumentSchema = z.strictObject({
  /** Adapter id of the site whose ticks this plan listens to ("binance-futures"), or "any". */
  venue: z.string().trim().min(1, 'name the site, or "any"').default('any'),
  symbol: z.string().trim().min(1, 'name the symbol, like "BTCUSDT"'),
  /** Prices are rounded to this. */
  tickSize: decimal(),
  /** Quantities are rounded DOWN to this. */
  lotStep: decimal(),
  minQty: decimal().optional(),
  /** In quote currency: qty × price × pointValue. */
  minNotional: decimal().optional(),
  /** P&L per 1.0 of price per 1 unit of quantity. */
  pointValue: decimal().default('1'),
});

export const AccountSchema = z
  .strictObject({
    equity: decimal().optional(),
    riskPercent: decimal().optional(),
    riskAmount: decimal().optional(),
  })
  .superRefine((account, ctx) => {
    const hasPercent = account.riskPercent !== undefined;
    const hasAmount = account.riskAmount !== undefined;
    if (hasPercent === hasAmount) {
      ctx.addIssue({
        code: 'custom',
        message: 'give either "riskPercent" (with "equity") or "riskAmount", exactly one of them',
      });
    }
    if (hasPercent && account.equity === undefined) {
      ctx.addIssue({ code: 'custom', path: ['equity'], message: 'is needed with "riskPercent"' });
    }
  });

export const VolatilitySchema = z
  .strictObject({
    atr: decimal().optional(),
    atrPeriod: z
      .number({ error: 'must be a whole number of candles, like 20' })
      .int('must be a whole number of candles, like 20')
      .min(1, 'must be at least 1')
      .max(1e15, 'must be at most 1000000000000000 (1e15)')
      .optional(),
  })
  .superRefine((volatility, ctx) => {
    if ((volatility.atr === undefined) === (volatility.atrPeriod === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'give either "atr" (a fixed value) or "atrPeriod" (from candles)',
      });
    }
  });

export const EntrySchema = z.strictObject({
  price: decimal(),
  /** "above": a breakout; "below": a pullback; absent: the first touch from either side. */
  when: z.enum(['above', 'below'], { error: 'must be "above" or "below" (or left out)' }).optional(),
});

export const StopSchema = oneOf(STOP_KEYS, 'the stop');
export type Stop = z.infer<typeof StopSchema>;

export const SizingSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('risk') }),
    z.strictObject({ method: z.literal('unit') }),
    z.strictObject({ method: z.literal('fixed'), qty: decimal() }),
    z.strictObject({ method: z.literal('notional'), amount: decimal() }),
  ],
  { error: 'method must be "risk", "unit", "fixed" (with "qty") or "notional" (with "amount")' },
);
export type Sizing = z.infer<typeof SizingSchema>;

export const ScaleInSchema = z.strictObject({
  /** From the PREVIOUS entry or add fill's actual price, in the trade's favour. */
  step: LevelSchema,
  /** A multiple of the entry quantity. */
  size: decimal(),
});

export const ScaleOutSchema = z.strictObject({
  /** From the planned entry price. */
  at: LevelSchema,
  /** A fraction of the peak position, or "rest". */
  share: z.union([z.literal('rest'), decimal()], { error: 'must be a fraction like "0.5", or "rest"' }),
});

const TrailSchema = z.strictObject({ trail: DistanceSchema });
const StopSetSchema = z.union([z.enum(['breakeven', 'previousTarget', 'budget']), TrailSchema], {
  error: 'must be "breakeven", "previousTarget", "budget" or { "trail": distance }',
});
export type StopSet = z.infer<typeof StopSetSchema>;

export const StopRuleSchema = z
  .strictObject({
    on: z.enum(['add', 'target', 'tick'], { error: 'must be "add", "target" or "tick"' }),
    /** Only after this add or target (1-based); absent: after every one. */
    index: z
      .number()
      .int('must be a whole number')
      .min(1, 'counts from 1')
      .max(MAX_ADDS, `must be at most ${MAX_ADDS}`)
      .optional(),
    raise: DistanceSchema.optional(),
    set: StopSetSchema.optional(),
    /** For "tick" rules: from the planned entry, like a target. */
    activateAt: LevelSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    if ((rule.raise === undefined) === (rule.set === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a stop rule needs exactly one of "raise" or "set"' });
    }
    if (rule.on === 'tick' && rule.raise !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['raise'],
        message: 'a "tick" rule sets a stop; use "set" with a trail',
      });
    }
    if (rule.on === 'tick' && rule.index !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['index'],
        message: 'only "add" and "target" rules take an index',
      });
    }
    if (rule.on !== 'tick' && rule.activateAt !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['activateAt'], message: 'only "tick" rules take "activateAt"' });
    }
    if (rule.set === 'previousTarget' && rule.on !== 'target') {
      ctx.addIssue({ code: 'custom', path: ['set'], message: '"previousTarget" only works on "target"' });
    }
  });
export type StopRule = z.infer<typeof StopRuleSchema>;

export const LimitsSchema = z
  .strictObject({
    maxOpenRiskPercent: decimal().optional(),
    maxQty: decimal().optional(),
    leverage: decimal().optional(),
    maintenanceMarginRate: decimal('nonnegative').optional(),
  })
  .superRefine((limits, ctx) => {
    if (limits.maintenanceMarginRate !== undefined && limits.leverage === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['leverage'],
        message: 'is needed with "maintenanceMarginRate" for the liquidation estimate',
      });
    }
  });

export const AlertsSchema = z.strictObject({ approachPercent: decimal().optional() });

/**
 * A key level: a price the trader watches (a support, a resistance, yesterday's high). It
 * raises approach alerts like any level and is offered as the price of an adjustment
 * (plan format, "Key levels").
 */
export const KeyLevelSchema = z.strictObject({
  price: decimal(),
  label: z
    .string({ error: 'must be text, like "resistance"' })
    .trim()
    .min(1, 'must name the level, like "resistance"')
    .max(MAX_LEVEL_LABEL_LENGTH, `must be at most ${MAX_LEVEL_LABEL_LENGTH} characters`),
});

export const PlanSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT, { error: `must be "${PLAN_FORMAT}"` }),
  name: z.string().default(''),
  instrument: InstrumentSchema,
  side: z.enum(['long', 'short'], { error: 'must be "long" or "short"' }),
  account: AccountSchema,
  volatility: VolatilitySchema.optional(),
  entry: EntrySchema,
  stop: StopSchema,
  sizing: SizingSchema,
  scaleIn: z.array(ScaleInSchema).max(MAX_ADDS, `holds at most ${MAX_ADDS} adds`).default([]),
  scaleOut: z.array(ScaleOutSchema).max(MAX_TARGETS, `holds at most ${MAX_TARGETS} targets`).default([]),
  stopRules: z
    .array(StopRuleSchema)
    .max(MAX_STOP_RULES, `holds at most ${MAX_STOP_RULES} stop rules`)
    .default([]),
  limits: LimitsSchema.default({}),
  alerts: AlertsSchema.default({}),
  levels: z
    .array(KeyLevelSchema)
    .max(MAX_KEY_LEVELS, `holds at most ${MAX_KEY_LEVELS} key levels`)
    .default([]),
});

/** A plan as read from a file: decimals already canonical strings, defaults filled in. */
export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type Side = Plan['side'];
export type KeyLevel = z.infer<typeof KeyLevelSchema>;

/** The one key a level, distance or stop names, with its value. */
export function measureOf<K extends string>(measure: Partial<Record<K, string>>): { kind: K; value: string } {
  for (const [kind, value] of Object.entries(measure) as [K, string | undefined][]) {
    if (value !== undefined) return { kind, value };
  }
  throw new Error('a validated measure always names one key');
}
