import { z } from 'zod';

import type { EngineEvent } from '../engine/types';
import { AdjustmentSchema } from '../plan/adjustment';

/**
 * The engine's events as the event log stores them (./event-log.ts), checked when read
 * back: a damaged log is found and kept aside, never replayed.
 */
const DecimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a canonical decimal string');
const Time = z.number();

const AccountHeatSchema = z.object({ otherOpenRisk: DecimalText, cap: DecimalText, capPercent: DecimalText });

export const EngineEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('tick'),
    price: z.string(),
    time: Time,
    source: z.string().optional(),
    gap: z.boolean().optional(),
    atr: DecimalText.nullable().optional(),
    heat: AccountHeatSchema.optional(),
  }),
  z.object({
    type: z.literal('fill'),
    tranche: z.string(),
    price: z.string().optional(),
    qty: z.string().optional(),
    time: Time,
  }),
  z.object({ type: z.literal('skip'), tranche: z.string(), time: Time }),
  z.object({ type: z.literal('cancel'), time: Time }),
  z.object({
    type: z.literal('adjust'),
    adjustment: AdjustmentSchema,
    time: Time,
    lastPrice: z.string().optional(),
    heat: AccountHeatSchema.optional(),
  }),
  z.object({ type: z.literal('stale'), time: Time }),
]) satisfies z.ZodType<EngineEvent, unknown>;
