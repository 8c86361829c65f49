import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { STOP_KINDS } from './measures';
import { MeasureField } from './MeasureField';
import { fieldName, valueAt } from './plan-json';
import { problemsIn } from './problem-slots';

type AtrKind = 'atr' | 'atrPeriod';

/**
 * Where the trade is wrong (docs/plan-format.md#stop), and the ATR that every "× ATR"
 * measure of the plan uses (docs/plan-format.md#volatility).
 */
export function StopSection({ form }: { form: FormProps }) {
  const atrProblems = ['volatility', 'volatility.atr', 'volatility.atrPeriod'].flatMap((slot) =>
    problemsIn(form.slots, slot),
  );
  return (
    <FormSection title="Stop" anchor="stop" problems={[]}>
      <MeasureField
        label="Initial stop"
        name="stop"
        measure={valueAt(form.json, ['stop'])}
        kinds={STOP_KINDS}
        problems={problemsIn(form.slots, 'stop')}
        onMeasure={(measure) => form.onSet(['stop'], measure)}
        hint="below the entry for a long, above for a short"
      />
      <MeasureField<AtrKind>
        label="ATR"
        name={fieldName(['volatility'])}
        measure={valueAt(form.json, ['volatility'])}
        kinds={[
          { value: 'atr', label: 'price units' },
          { value: 'atrPeriod', label: 'period, from candles' },
        ]}
        wholeKinds={['atrPeriod']}
        problems={atrProblems}
        onMeasure={(measure) => form.onSet(['volatility'], measure)}
        hint="for × ATR measures; empty when the plan uses none"
      />
    </FormSection>
  );
}
