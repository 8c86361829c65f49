import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

/** How near a level the "approaching" alert comes (docs/plan-format.md#alerts). */
export function AlertsSection({ form }: { form: FormProps }) {
  return (
    <FormSection title="Alerts" anchor="alerts" problems={problemsIn(form.slots, 'alerts')}>
      <PathField
        form={form}
        path={['alerts', 'approachPercent']}
        label="Approaching within %"
        hint="of the level’s price; default 0.25"
      />
    </FormSection>
  );
}
