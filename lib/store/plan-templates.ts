import { z } from 'zod';

import type { RecordSpec } from './stored-record';

/** storage.local key of the trader's own plan templates. */
export const PLAN_TEMPLATES_KEY = 'plan-templates';

/** More than a trader keeps at hand; the oldest goes first when a new one would pass it. */
export const MAX_PLAN_TEMPLATES = 50;
/** A template's name, as the preset list shows it. */
export const MAX_TEMPLATE_LABEL_LENGTH = 80;

/**
 * A plan the trader saved to start from again, listed with the built-in presets. The plan
 * is kept as its file's JSON (checked by `checkPlan` when it was saved, and again when it
 * is used: a template is a starting point, like a preset).
 */
export const PlanTemplateSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  label: z.string().trim().min(1).max(MAX_TEMPLATE_LABEL_LENGTH),
  plan: z.record(z.string(), z.unknown()),
  savedAt: z.number().int().nonnegative(),
});
export type PlanTemplate = z.infer<typeof PlanTemplateSchema>;

/**
 * Every template, oldest first. A template that cannot be read is dropped alone (the rest
 * stay usable); the record as a whole is quarantined by its reader when it is not a list.
 */
export const PlanTemplatesSchema = z.object({
  version: z.literal(1),
  templates: z.array(z.unknown()).transform((entries) =>
    entries.flatMap((entry) => {
      const read = PlanTemplateSchema.safeParse(entry);
      return read.success ? [read.data] : [];
    }),
  ),
});
export type PlanTemplates = z.infer<typeof PlanTemplatesSchema>;

export function emptyPlanTemplates(): PlanTemplates {
  return { version: 1, templates: [] };
}

export const PLAN_TEMPLATES: RecordSpec<PlanTemplates> = {
  key: PLAN_TEMPLATES_KEY,
  schema: PlanTemplatesSchema,
  fallback: emptyPlanTemplates,
};

/** The templates with `template` added, replacing one of the same name; the oldest beyond the cap go. */
export function withTemplate(record: PlanTemplates, template: PlanTemplate): PlanTemplates {
  const others = record.templates.filter((existing) => existing.label !== template.label);
  return { version: 1, templates: [...others, template].slice(-MAX_PLAN_TEMPLATES) };
}

export function withoutTemplate(record: PlanTemplates, id: string): PlanTemplates {
  return { version: 1, templates: record.templates.filter((template) => template.id !== id) };
}
