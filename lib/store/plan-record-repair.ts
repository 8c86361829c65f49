import { FIRST_ALERT_EPOCH, PlanRecordSchema, type PlanRecord } from './plans';

/**
 * Fields with a safe default, repaired instead of losing the plan: flags off, no
 * remembered confirmations, an empty lifecycle.
 */
const DEFAULTS = {
  isPaused: false,
  isMuted: false,
  processed: [],
  lifecycle: [],
} as const satisfies Partial<PlanRecord>;

export interface RepairedPlan {
  readonly record: PlanRecord;
  /** The fields set to their default, for the log. */
  readonly fields: readonly string[];
}

/**
 * A plan record repaired field by field, or null when a field without a safe default (the
 * plan, its engine state, its id) cannot be read. An unreadable alert counter starts
 * again at 0 in a fresh epoch (`newEpoch`, random): the ids of the alerts it already gave
 * are never given again.
 */
export function repairPlanRecord(raw: unknown, newEpoch: () => string): RepairedPlan | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const candidate: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const fields: string[] = [];
  for (const [field, fallback] of Object.entries(DEFAULTS)) {
    const schema = PlanRecordSchema.shape[field as keyof typeof DEFAULTS];
    if (schema.safeParse(candidate[field]).success) continue;
    candidate[field] = fallback;
    fields.push(field);
  }
  const isSeqReadable = PlanRecordSchema.shape.alertSeq.safeParse(candidate['alertSeq']).success;
  const isEpochReadable = PlanRecordSchema.shape.alertEpoch.safeParse(candidate['alertEpoch']).success;
  if (!isSeqReadable || !isEpochReadable) {
    if (!isSeqReadable) candidate['alertSeq'] = 0;
    candidate['alertEpoch'] = freshEpoch(newEpoch, candidate['alertEpoch']);
    fields.push(isSeqReadable ? 'alertEpoch' : 'alertSeq');
  }
  const parsed = PlanRecordSchema.safeParse(candidate);
  return parsed.success ? { record: parsed.data, fields } : null;
}

/** A new epoch, never the first one nor the one being replaced. */
function freshEpoch(newEpoch: () => string, previous: unknown): string {
  const epoch = newEpoch()
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 30);
  return epoch === '' || epoch === FIRST_ALERT_EPOCH || epoch === previous ? `r${epoch}x` : epoch;
}
