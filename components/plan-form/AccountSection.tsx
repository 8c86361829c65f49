import { ChoiceField } from './ChoiceField';
import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { textAt, valueAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

type RiskMode = 'percent' | 'amount';

/**
 * The risk budget (docs/plan-format.md#account): a percentage of the equity, or an amount.
 * Switching keeps the number typed and moves it to the other field.
 */
export function AccountSection({ form }: { form: FormProps }) {
  const hasAmount = valueAt(form.json, ['account', 'riskAmount']) !== undefined;
  const hasPercent = valueAt(form.json, ['account', 'riskPercent']) !== undefined;
  const mode: RiskMode = hasAmount && !hasPercent ? 'amount' : 'percent';
  return (
    <FormSection title="Account and risk" anchor="account" problems={[]}>
      <PathField form={form} path={['account', 'equity']} label="Equity" hint="the account’s value" />
      <ChoiceField<RiskMode>
        label="Risk per trade"
        name="account"
        value={mode}
        choices={[
          { value: 'percent', label: '% of equity' },
          { value: 'amount', label: 'an amount' },
        ]}
        problems={problemsIn(form.slots, 'account')}
        onChoice={(next) => {
          if (next === mode) return;
          const from = mode === 'percent' ? 'riskPercent' : 'riskAmount';
          const to = next === 'percent' ? 'riskPercent' : 'riskAmount';
          const typed = textAt(form.json, ['account', from]);
          form.onSet(['account', from], undefined);
          if (typed !== '') form.onSet(['account', to], typed);
        }}
      />
      {(mode === 'percent' || hasPercent) && (
        <PathField form={form} path={['account', 'riskPercent']} label="Risk %" hint="1 = 1 % of equity" />
      )}
      {(mode === 'amount' || hasAmount) && (
        <PathField form={form} path={['account', 'riskAmount']} label="Risk amount" hint="lost at the stop" />
      )}
    </FormSection>
  );
}
