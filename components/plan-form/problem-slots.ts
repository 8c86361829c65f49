import type { Problem } from '../../lib/plan/problems';

/** The problems of a plan grouped by the form field that shows them. */
export type ProblemSlots = ReadonlyMap<string, readonly Problem[]>;

const MEASURED = /^stop(?:[.[]|$)/u;
const ROW_FIELD = /^(scaleIn|scaleOut|stopRules|levels)\[(\d+)\]\.(\w+)/u;
const ROW = /^(scaleIn|scaleOut|stopRules|levels)\[(\d+)\]$/u;
const SECTION_FIELD = /^(instrument|account|entry|limits|alerts|volatility|sizing)\.(\w+)/u;
const SECTION =
  /^(instrument|account|entry|limits|alerts|volatility|sizing|scaleIn|scaleOut|stopRules|levels)$/u;

/**
 * The form field that shows a problem found on `field` (a plan path as lib/plan names it):
 * the field itself; a measure's one field for anything under it (`stop.price` → `stop`,
 * `scaleOut[1].at.r` → `scaleOut[1].at`, a rule's `raise` or `set` → `stopRules[0].action`);
 * a row or a section for what is about the row or the section as a whole (`scaleOut`: the
 * shares add up to more than 100 %); and the plan for the rest.
 */
export function formSlotOf(field: string): string {
  if (field === 'name' || field === 'side') return field;
  if (MEASURED.test(field)) return 'stop';
  const rowField = ROW_FIELD.exec(field);
  if (rowField) {
    const [, list, index, key] = rowField;
    const slot = list === 'stopRules' && (key === 'raise' || key === 'set') ? 'action' : key;
    return `${list}[${index}].${slot}`;
  }
  if (ROW.test(field) || SECTION.test(field)) return field;
  const sectionField = SECTION_FIELD.exec(field);
  if (sectionField) return `${sectionField[1]}.${sectionField[2]}`;
  return 'plan';
}

export function problemSlots(problems: readonly Problem[]): ProblemSlots {
  const slots = new Map<string, Problem[]>();
  for (const problem of problems) {
    const slot = formSlotOf(problem.field);
    slots.set(slot, [...(slots.get(slot) ?? []), problem]);
  }
  return slots;
}

export function problemsIn(slots: ProblemSlots, slot: string): readonly Problem[] {
  return slots.get(slot) ?? [];
}
