import { z } from 'zod';

import { MAX_PLAN_TEXT_CHARS } from '../plan/plan-text';
import type { RecordSpec } from './stored-record';

/** storage.local key of the plan being designed in the planner. */
export const PLANNER_DRAFT_KEY = 'planner-draft';

/**
 * The planner's plan as the trader left it: the file's text exactly as written, even when
 * it is not yet valid (or not even JSON), so a reload loses no keystroke. One draft: the
 * designer edits one plan at a time; saved plans live under `plan/<id>`.
 */
export const PlannerDraftSchema = z.object({
  version: z.literal(1),
  text: z.string().max(MAX_PLAN_TEXT_CHARS),
  savedAt: z.number().int().nonnegative(),
});
export type PlannerDraft = z.infer<typeof PlannerDraftSchema>;

/** No draft until the trader types one. */
export const PLANNER_DRAFT: RecordSpec<PlannerDraft | null> = {
  key: PLANNER_DRAFT_KEY,
  schema: PlannerDraftSchema.nullable(),
  fallback: () => null,
};
