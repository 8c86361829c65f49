import { Decimal } from '../../lib/decimal';
import { readLimitedNumber } from '../../lib/number-limits';
import * as format from '../format';
import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { appendRow, listLength, removeRow } from './list-json';
import { ListRows } from './ListRows';
import { LEVEL_KINDS } from './measures';
import { MeasureField } from './MeasureField';
import { textAt, valueAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

/** "half of the peak position" for 0.5: what a share sells, said as a percentage. */
function shareWords(share: string): string {
  if (share === 'rest') return 'all that is left';
  const read = readLimitedNumber(share.trim(), false);
  return read.ok ? `${format.share(new Decimal(read.value).mul(100).toFixed())} of the peak position` : '';
}

/** The targets, from the planned entry, each selling a share of the peak (docs/plan-format.md#scaleout). */
export function TargetsSection({ form }: { form: FormProps }) {
  return (
    <FormSection title="Targets (scale out)" anchor="scaleout" problems={problemsIn(form.slots, 'scaleOut')}>
      <ListRows
        count={listLength(form, 'scaleOut')}
        noun="Target"
        addLabel="Add a target"
        emptyText="No targets: the trade ends at the stop."
        rowProblems={(index) => problemsIn(form.slots, `scaleOut[${index}]`)}
        onAdd={() =>
          appendRow(form, 'scaleOut', { at: { r: String(listLength(form, 'scaleOut') + 2) }, share: 'rest' })
        }
        onRemove={(index) => removeRow(form, 'scaleOut', index)}
        row={(index) => (
          <>
            <MeasureField
              label="At, from the entry"
              name={`scaleOut[${index}].at`}
              measure={valueAt(form.json, ['scaleOut', index, 'at'])}
              kinds={LEVEL_KINDS}
              problems={problemsIn(form.slots, `scaleOut[${index}].at`)}
              onMeasure={(measure) => form.onSet(['scaleOut', index, 'at'], measure)}
            />
            <PathField
              form={form}
              path={['scaleOut', index, 'share']}
              label="Sell"
              hint={
                shareWords(textAt(form.json, ['scaleOut', index, 'share'])) || '0.5 = half the peak, or rest'
              }
            />
          </>
        )}
      />
    </FormSection>
  );
}
