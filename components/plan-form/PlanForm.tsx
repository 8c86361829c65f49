import { useMemo } from 'preact/hooks';

import type { Problem } from '../../lib/plan/problems';
import { AccountSection } from './AccountSection';
import { AddsSection } from './AddsSection';
import { AlertsSection } from './AlertsSection';
import { EntrySection } from './EntrySection';
import type { FormProps } from './form-props';
import { InstrumentSection } from './InstrumentSection';
import { LevelsSection } from './LevelsSection';
import { LimitsSection } from './LimitsSection';
import type { FieldPath, JsonObject } from './plan-json';
import { PathField } from './PathField';
import { problemSlots, problemsIn } from './problem-slots';
import { SizingSection } from './SizingSection';
import { StopRulesSection } from './StopRulesSection';
import { StopSection } from './StopSection';
import { TargetsSection } from './TargetsSection';

export interface PlanFormProps {
  readonly json: JsonObject;
  /** What `checkPlan` says about it: each problem shows on its field. */
  readonly problems: readonly Problem[];
  readonly onSet: (path: FieldPath, value: unknown) => void;
}

/**
 * Every field of a `tranche.plan/1` file in trader words, section by section, each with
 * its problems under it as the trader types and a link to its part of the plan format
 * reference. The file is the form's only state: what the form does not show stays as
 * written.
 */
export function PlanForm({ json, problems, onSet }: PlanFormProps) {
  const slots = useMemo(() => problemSlots(problems), [problems]);
  const form: FormProps = { json, slots, onSet };
  const general = [...problemsIn(slots, 'plan')];
  return (
    <div class="tr-plan-form">
      {general.length > 0 && (
        <ul class="tr-problems" aria-label="Problems with the whole plan">
          {general.map((problem) => (
            <li key={problem.field + problem.message}>
              <code>{problem.field}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      <div class="tr-fields">
        <PathField form={form} path={['name']} label="Plan name" isText placeholder="BTC breakout" />
      </div>
      <InstrumentSection form={form} />
      <AccountSection form={form} />
      <EntrySection form={form} />
      <StopSection form={form} />
      <SizingSection form={form} />
      <AddsSection form={form} />
      <TargetsSection form={form} />
      <StopRulesSection form={form} />
      <LimitsSection form={form} />
      <AlertsSection form={form} />
      <LevelsSection form={form} />
    </div>
  );
}
