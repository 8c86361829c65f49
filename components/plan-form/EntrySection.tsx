import { ChoiceField } from './ChoiceField';
import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { textAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

type Trigger = 'above' | 'below' | 'touch';

/** The direction and where the trade starts (docs/plan-format.md#entry). */
export function EntrySection({ form }: { form: FormProps }) {
  const side = textAt(form.json, ['side']);
  const when = textAt(form.json, ['entry', 'when']);
  return (
    <FormSection title="Entry" anchor="entry" problems={problemsIn(form.slots, 'entry')}>
      <ChoiceField<'long' | 'short'>
        label="Direction"
        name="side"
        value={side === 'short' ? 'short' : 'long'}
        choices={[
          { value: 'long', label: 'Long (profit when it rises)' },
          { value: 'short', label: 'Short (profit when it falls)' },
        ]}
        problems={problemsIn(form.slots, 'side')}
        onChoice={(next) => form.onSet(['side'], next)}
      />
      <PathField form={form} path={['entry', 'price']} label="Entry price" />
      <ChoiceField<Trigger>
        label="Fills when the price"
        name="entry.when"
        value={when === 'above' || when === 'below' ? when : 'touch'}
        choices={[
          { value: 'touch', label: 'touches it (either side)' },
          { value: 'above', label: 'is at or above it (breakout)' },
          { value: 'below', label: 'is at or below it (pullback)' },
        ]}
        problems={problemsIn(form.slots, 'entry.when')}
        onChoice={(next) => form.onSet(['entry', 'when'], next === 'touch' ? undefined : next)}
      />
    </FormSection>
  );
}
