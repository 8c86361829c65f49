import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { appendRow, listLength, removeRow } from './list-json';
import { ListRows } from './ListRows';
import { LEVEL_KINDS } from './measures';
import { MeasureField } from './MeasureField';
import { valueAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

/** The adds, each from the previous entry or add fill (docs/plan-format.md#scalein). */
export function AddsSection({ form }: { form: FormProps }) {
  return (
    <FormSection title="Adds (scale in)" anchor="scalein" problems={problemsIn(form.slots, 'scaleIn')}>
      <ListRows
        count={listLength(form, 'scaleIn')}
        noun="Add"
        addLabel="Add an add"
        emptyText="No adds: the position is the entry alone."
        rowProblems={(index) => problemsIn(form.slots, `scaleIn[${index}]`)}
        onAdd={() => appendRow(form, 'scaleIn', { step: { r: '1' }, size: '1' })}
        onRemove={(index) => removeRow(form, 'scaleIn', index)}
        row={(index) => (
          <>
            <MeasureField
              label="Step from the previous fill"
              name={`scaleIn[${index}].step`}
              measure={valueAt(form.json, ['scaleIn', index, 'step'])}
              kinds={LEVEL_KINDS}
              problems={problemsIn(form.slots, `scaleIn[${index}].step`)}
              onMeasure={(measure) => form.onSet(['scaleIn', index, 'step'], measure)}
            />
            <PathField
              form={form}
              path={['scaleIn', index, 'size']}
              label="Size"
              hint="× the entry quantity"
            />
          </>
        )}
      />
    </FormSection>
  );
}
