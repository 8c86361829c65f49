import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

/** The caps an add must respect, and leverage for the liquidation check (docs/plan-format.md#limits). */
export function LimitsSection({ form }: { form: FormProps }) {
  return (
    <FormSection title="Limits" anchor="limits" problems={problemsIn(form.slots, 'limits')}>
      <PathField
        form={form}
        path={['limits', 'maxOpenRiskPercent']}
        label="Max open risk %"
        hint="of equity, after any add"
      />
      <PathField form={form} path={['limits', 'maxQty']} label="Max position" hint="quantity" />
      <PathField
        form={form}
        path={['limits', 'leverage']}
        label="Leverage"
        hint="perpetuals: checks liquidation"
      />
      <PathField
        form={form}
        path={['limits', 'maintenanceMarginRate']}
        label="Maintenance margin rate"
        hint="0.004 = 0.4 %"
      />
    </FormSection>
  );
}
