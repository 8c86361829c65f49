import { useId, useState } from 'preact/hooks';

import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { NumberField } from './NumberField';
import { typedNumber, type FormResult } from './adjust-port';

/** A third as a share: the engine rounds the quantity down to the lot step. */
const A_THIRD = '0.3333333333';

/** Take part of the position off now, at the last price: a third, half, a share or a quantity; or exit all. */
export function TakeOffForm({
  view,
  onPreview,
}: {
  view: PlanView;
  onPreview: (result: FormResult) => void;
}) {
  const id = `tr-${useId()}`;
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<'share' | 'qty'>('share');
  const exit = (fields: Record<string, string | boolean>) =>
    onPreview({ ok: true, adjustment: { action: 'exitNow', ...fields } });
  const submit = (event: Event) => {
    event.preventDefault();
    const typed = typedNumber(amount, unit === 'share' ? 'Share' : 'Quantity');
    if (!typed.ok) return onPreview(typed);
    exit({ [unit]: typed.value });
  };
  return (
    <form class="tr-form" aria-label="Take part off now" onSubmit={submit}>
      <div class="tr-muted" style={{ width: '100%' }}>
        Sell {view.side === 'long' ? '' : '(buy back) '}at the last price,{' '}
        {view.quote === null ? 'when one is known' : format.price(view.quote.price, view.tickSize)}; oldest
        lots first.
      </div>
      <div class="tr-actions">
        <button type="button" class="tr-button" onClick={() => exit({ share: A_THIRD })}>
          A third
        </button>
        <button type="button" class="tr-button" onClick={() => exit({ share: '0.5' })}>
          Half
        </button>
        <button type="button" class="tr-button tr-danger" onClick={() => exit({ all: true })}>
          Exit all
        </button>
      </div>
      <NumberField
        label="Or"
        value={amount}
        onValue={setAmount}
        placeholder={unit === 'share' ? '0.25' : format.field(view.position, view.lotStep)}
      />
      <label for={`${id}-unit`}>
        As
        <select
          id={`${id}-unit`}
          value={unit}
          onChange={(event) => setUnit(event.currentTarget.value as 'share' | 'qty')}
        >
          <option value="share">a share of the position</option>
          <option value="qty">a quantity</option>
        </select>
      </label>
      <button type="submit" class="tr-button tr-primary">
        Preview
      </button>
    </form>
  );
}
