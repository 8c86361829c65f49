import { ChoiceField } from './ChoiceField';
import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { textAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

type Method = 'risk' | 'unit' | 'fixed' | 'notional';

const METHODS: readonly { readonly value: Method; readonly label: string }[] = [
  { value: 'risk', label: 'lose the risk budget at the stop' },
  { value: 'unit', label: 'Turtle unit: the budget per ATR' },
  { value: 'fixed', label: 'a fixed quantity' },
  { value: 'notional', label: 'an order worth an amount' },
];

/** How big the entry is (docs/plan-format.md#sizing); adds are multiples of it. */
export function SizingSection({ form }: { form: FormProps }) {
  const written = textAt(form.json, ['sizing', 'method']);
  const method = METHODS.find((candidate) => candidate.value === written)?.value ?? 'risk';
  return (
    <FormSection title="Sizing" anchor="sizing" problems={problemsIn(form.slots, 'sizing')}>
      <ChoiceField<Method>
        label="Entry size"
        name="sizing.method"
        value={method}
        choices={METHODS}
        problems={problemsIn(form.slots, 'sizing.method')}
        onChoice={(next) => form.onSet(['sizing'], { method: next })}
      />
      {method === 'fixed' && <PathField form={form} path={['sizing', 'qty']} label="Quantity" />}
      {method === 'notional' && (
        <PathField form={form} path={['sizing', 'amount']} label="Order value" hint="in the quote currency" />
      )}
    </FormSection>
  );
}
