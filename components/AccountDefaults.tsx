import { useEffect, useState } from 'preact/hooks';

import { toCanonical } from '../lib/decimal';
import { readLimitedNumber } from '../lib/number-limits';
import { TextField } from './plan-form/TextField';

export interface AccountDefaultsProps {
  readonly equity: string;
  readonly riskPercent: string;
  /** Settles with null once stored, or the reason it was not. */
  readonly onSave: (equity: string, riskPercent: string) => Promise<string | null>;
}

/** A typed amount as stored: canonical, or the reason it is none; empty is "not set". */
function amount(text: string): { ok: true; value: string } | { ok: false; reason: string } {
  const trimmed = text.trim().replace(/[\s,_']/gu, '');
  if (trimmed === '') return { ok: true, value: '' };
  const read = readLimitedNumber(trimmed, false);
  return read.ok && !trimmed.startsWith('-')
    ? { ok: true, value: toCanonical(read.value) }
    : { ok: false, reason: 'must be a number above 0, like 10000' };
}

/**
 * The trader's account as new plans start from it (a quick plan on a page, a pasted
 * signal): the equity and the risk per trade in % of it. Every plan can still say otherwise.
 */
export function AccountDefaults(props: AccountDefaultsProps) {
  const [equity, setEquity] = useState(props.equity);
  const [riskPercent, setRiskPercent] = useState(props.riskPercent);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setEquity(props.equity), [props.equity]);
  useEffect(() => setRiskPercent(props.riskPercent), [props.riskPercent]);
  const readEquity = amount(equity);
  const readRisk = amount(riskPercent);
  return (
    <form
      class="tr-fields"
      aria-label="Your account"
      onSubmit={(event) => {
        event.preventDefault();
        if (!readEquity.ok || !readRisk.ok) return;
        void props
          .onSave(readEquity.value, readRisk.value)
          .then((error) => setStatus(error ?? 'Saved: new plans start from these.'));
      }}
    >
      <TextField
        label="Equity"
        name="account.equity"
        value={equity}
        isNumber
        hint="the account’s value, in the quote currency"
        problems={readEquity.ok ? [] : [{ field: 'account.equity', message: readEquity.reason }]}
        onValue={setEquity}
      />
      <TextField
        label="Risk per trade %"
        name="account.riskPercent"
        value={riskPercent}
        isNumber
        hint="1 = 1 % of the equity at the stop"
        problems={readRisk.ok ? [] : [{ field: 'account.riskPercent', message: readRisk.reason }]}
        onValue={setRiskPercent}
      />
      <div class="tr-field">
        <button type="submit" class="tr-button tr-primary" disabled={!readEquity.ok || !readRisk.ok}>
          Save
        </button>
        {status !== null && <span role="status">{status}</span>}
      </div>
    </form>
  );
}
