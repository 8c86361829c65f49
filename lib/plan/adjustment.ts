import { z } from 'zod';

import { Decimal } from '../decimal';
import type { Problem } from './problems';
import { toProblem, traderMessage } from './problems';
import { decimal, KeyLevelSchema, MAX_ADDS, MAX_KEY_LEVELS, MAX_TARGETS } from './schema';

/**
 * An adjustment of a live trade (plan format, "Adjusting a live trade"): the trader moves
 * the stop, moves, removes or adds a target, moves, removes or cancels adds, adds now or
 * exits now — and adds or removes a key level. Every one is an engine event, journaled
 * and replayable; the guard (lib/engine/adjust-guard.ts) refuses what breaks the plan
 * unless `override` gives the trader's reason in words.
 */

/** The trader's reason to go against the plan: words, not an empty box. */
export const MAX_OVERRIDE_LENGTH = 500;
export const OverrideSchema = z
  .string({ error: 'must be the reason in words' })
  .trim()
  .min(1, 'must give the reason in words')
  .max(MAX_OVERRIDE_LENGTH, `must be at most ${MAX_OVERRIDE_LENGTH} characters`);

function ordinal(max: number, what: string) {
  return z
    .number({ error: `must be the ${what}'s number, like 1` })
    .int(`must be a whole number, like 1`)
    .min(1, 'counts from 1')
    .max(max, `must be at most ${max}`);
}

/** A fraction of a position: more than 0, at most 1. */
const fraction = () =>
  decimal().refine((share) => new Decimal(share).lte(1), {
    message: 'must be a fraction of at most 1, like "0.25"',
  });

const override = OverrideSchema.optional();

/** Exactly one of the forms an action takes, named by the fields each form needs. */
function oneForm(...forms: readonly (readonly string[])[]) {
  return (value: object, ctx: z.RefinementCtx): void => {
    const fields = value as Record<string, unknown>;
    const given = Object.keys(fields).filter((key) => key !== 'action' && key !== 'override');
    const matches = forms.filter(
      (form) => form.every((key) => fields[key] !== undefined) && given.every((key) => form.includes(key)),
    );
    if (matches.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `takes ${forms.map((form) => (form.length === 0 ? 'nothing else' : form.map((key) => `"${key}"`).join(' + '))).join(', or ')}${given.length > 0 ? `, not ${given.map((key) => `"${key}"`).join(' + ')}` : ''}`,
      });
    }
  };
}

const StopAdjustmentSchema = z
  .strictObject({
    action: z.literal('stop'),
    price: decimal().optional(),
    to: z.literal('breakeven', { error: 'must be "breakeven"' }).optional(),
    /** One lot (1 = the oldest open lot); absent: every open lot. */
    lot: ordinal(MAX_ADDS + 1, 'lot').optional(),
    override,
  })
  .superRefine(oneForm(['price'], ['price', 'lot'], ['to'], ['to', 'lot']));

const TargetAdjustmentSchema = z
  .strictObject({
    action: z.literal('target'),
    index: ordinal(MAX_TARGETS, 'target').optional(),
    price: decimal().optional(),
    share: z
      .union([z.literal('rest'), fraction()], { error: 'must be a fraction like "0.5", or "rest"' })
      .optional(),
    remove: z.literal(true, { error: 'must be true' }).optional(),
    override,
  })
  .superRefine(oneForm(['index', 'price'], ['index', 'remove'], ['price', 'share']));

const AddAdjustmentSchema = z
  .strictObject({
    action: z.literal('add'),
    index: ordinal(MAX_ADDS, 'add').optional(),
    price: decimal().optional(),
    remove: z.literal(true, { error: 'must be true' }).optional(),
    cancel: z.literal(true, { error: 'must be true' }).optional(),
    override,
  })
  .superRefine(oneForm(['index', 'price'], ['index', 'remove'], ['cancel']));

const AddNowAdjustmentSchema = z
  .strictObject({ action: z.literal('addNow'), qty: decimal().optional(), override })
  .superRefine(oneForm([], ['qty']));

const ExitNowAdjustmentSchema = z
  .strictObject({
    action: z.literal('exitNow'),
    share: fraction().optional(),
    qty: decimal().optional(),
    all: z.literal(true, { error: 'must be true' }).optional(),
    override,
  })
  .superRefine(oneForm(['share'], ['qty'], ['all']));

const LevelAdjustmentSchema = z
  .strictObject({
    action: z.literal('level'),
    price: KeyLevelSchema.shape.price.optional(),
    label: KeyLevelSchema.shape.label.optional(),
    index: ordinal(MAX_KEY_LEVELS, 'key level').optional(),
    remove: z.literal(true, { error: 'must be true' }).optional(),
    override,
  })
  .superRefine(oneForm(['price', 'label'], ['index', 'remove']));

export const ADJUSTMENT_ACTIONS = ['stop', 'target', 'add', 'addNow', 'exitNow', 'level'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];

export const AdjustmentSchema = z.discriminatedUnion(
  'action',
  [
    StopAdjustmentSchema,
    TargetAdjustmentSchema,
    AddAdjustmentSchema,
    AddNowAdjustmentSchema,
    ExitNowAdjustmentSchema,
    LevelAdjustmentSchema,
  ],
  { error: `must be one of ${ADJUSTMENT_ACTIONS.map((action) => `"${action}"`).join(', ')}` },
);
export type Adjustment = z.infer<typeof AdjustmentSchema>;
export type AdjustmentOf<A extends AdjustmentAction> = Extract<Adjustment, { action: A }>;

/** A line of garbage gets its first problems, not one per field. */
const MAX_PROBLEMS = 5;

export type AdjustmentRead = { ok: true; adjustment: Adjustment } | { ok: false; problems: Problem[] };

/** An adjustment from untrusted JSON, each problem on its field in a trader's words. */
export function readAdjustment(input: unknown): AdjustmentRead {
  const parsed = AdjustmentSchema.safeParse(input, { error: traderMessage });
  if (parsed.success) return { ok: true, adjustment: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => toProblem(issue, 'adjustment')),
  };
}
