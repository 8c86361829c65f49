import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { appendRow, listLength, removeRow } from './list-json';
import { ListRows } from './ListRows';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

/** Prices the trader watches besides the plan's own (docs/plan-format.md#levels). */
export function LevelsSection({ form }: { form: FormProps }) {
  return (
    <FormSection title="Key levels" anchor="levels" problems={problemsIn(form.slots, 'levels')}>
      <ListRows
        count={listLength(form, 'levels')}
        noun="Level"
        addLabel="Add a key level"
        emptyText="No key levels: add a support or a resistance to be alerted near it."
        rowProblems={(index) => problemsIn(form.slots, `levels[${index}]`)}
        onAdd={() => appendRow(form, 'levels', { label: 'resistance' })}
        onRemove={(index) => removeRow(form, 'levels', index)}
        row={(index) => (
          <>
            <PathField form={form} path={['levels', index, 'price']} label="Price" />
            <PathField form={form} path={['levels', index, 'label']} label="Label" isText />
          </>
        )}
      />
    </FormSection>
  );
}
