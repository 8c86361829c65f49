import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { appendRow, listLength, removeRow } from './list-json';
import { ListRows } from './ListRows';
import { problemsIn } from './problem-slots';
import { StopRuleRow } from './StopRuleRow';

/** How the stops move after the entry, in order (docs/plan-format.md#stoprules). */
export function StopRulesSection({ form }: { form: FormProps }) {
  return (
    <FormSection title="Stop rules" anchor="stoprules" problems={problemsIn(form.slots, 'stopRules')}>
      <ListRows
        count={listLength(form, 'stopRules')}
        noun="Rule"
        addLabel="Add a stop rule"
        emptyText="No rules: each lot keeps the stop it opened with."
        rowProblems={(index) => problemsIn(form.slots, `stopRules[${index}]`)}
        onAdd={() => appendRow(form, 'stopRules', { on: 'add', set: 'breakeven' })}
        onRemove={(index) => removeRow(form, 'stopRules', index)}
        row={(index) => <StopRuleRow form={form} index={index} />}
      />
    </FormSection>
  );
}
