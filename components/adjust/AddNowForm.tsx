import { useState } from 'preact/hooks';

import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { NumberField } from './NumberField';
import { typedNumber, type FormResult } from './adjust-port';
import { pendingTranches } from './pending-tranches';

/** Add now, at the last price: the next pending add's planned quantity unless the trader types one. */
export function AddNowForm({ view, onPreview }: { view: PlanView; onPreview: (result: FormResult) => void }) {
  const [qty, setQty] = useState('');
  const next = pendingTranches(view.tranches, 'add')[0]?.tranche ?? null;
  const submit = (event: Event) => {
    event.preventDefault();
    if (qty.trim() === '') return onPreview({ ok: true, adjustment: { action: 'addNow' } });
    const typed = typedNumber(qty, 'Quantity');
    onPreview(typed.ok ? { ok: true, adjustment: { action: 'addNow', qty: typed.value } } : typed);
  };
  return (
    <form class="tr-form" aria-label="Add now" onSubmit={submit}>
      <NumberField
        label="Quantity"
        value={qty}
        onValue={setQty}
        placeholder={next?.qty == null ? 'the entry’s' : format.field(next.qty, view.lotStep)}
      />
      <button type="submit" class="tr-button tr-primary">
        Preview
      </button>
    </form>
  );
}
