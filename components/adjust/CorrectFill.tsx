import { useId, useState } from 'preact/hooks';

import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { NumberField } from './NumberField';
import { typedNumber } from './adjust-port';

/**
 * Correct a confirmed fill: the exchange filled at another price or quantity than the one
 * confirmed. The background recomputes the trade from its events and journals the change.
 */
export function CorrectFill({
  view,
  onCorrect,
}: {
  view: PlanView;
  onCorrect: (
    fill: string,
    price: string,
    qty: string,
  ) => Promise<{ ok: true } | { ok: false; error: string }>;
}) {
  const id = `tr-${useId()}`;
  const [fill, setFill] = useState(view.confirmedFills[0]?.fill ?? '');
  const chosen = view.confirmedFills.find((candidate) => candidate.fill === fill);
  const [price, setPrice] = useState(chosen === undefined ? '' : format.field(chosen.price, view.tickSize));
  const [qty, setQty] = useState(chosen === undefined ? '' : format.field(chosen.qty, view.lotStep));
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  if (view.confirmedFills.length === 0) return null;
  const choose = (next: string) => {
    const found = view.confirmedFills.find((candidate) => candidate.fill === next);
    setFill(next);
    if (found === undefined) return;
    setPrice(format.field(found.price, view.tickSize));
    setQty(format.field(found.qty, view.lotStep));
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const typedPrice = typedNumber(price, 'Price');
    const typedQty = typedNumber(qty, 'Quantity');
    if (!typedPrice.ok) return setMessage({ text: typedPrice.message, isError: true });
    if (!typedQty.ok) return setMessage({ text: typedQty.message, isError: true });
    const reply = await onCorrect(fill, typedPrice.value, typedQty.value);
    setMessage(
      reply.ok
        ? { text: 'Corrected: the trade is recomputed from it.', isError: false }
        : { text: reply.error, isError: true },
    );
  };
  return (
    <details class="tr-correct">
      <summary class="tr-subtitle">Correct a confirmed fill</summary>
      <form class="tr-form" aria-label="Correct a confirmed fill" onSubmit={(event) => void submit(event)}>
        <label for={`${id}-fill`}>
          Fill
          <select id={`${id}-fill`} value={fill} onChange={(event) => choose(event.currentTarget.value)}>
            {view.confirmedFills.map((candidate) => (
              <option key={candidate.fill} value={candidate.fill}>
                {candidate.label}: {format.qty(candidate.qty, view.lotStep)} @{' '}
                {format.price(candidate.price, view.tickSize)}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="Filled at" value={price} onValue={setPrice} />
        <NumberField label="Quantity" value={qty} onValue={setQty} />
        <button type="submit" class="tr-button tr-primary">
          Correct
        </button>
        {message !== null && (
          <div class={message.isError ? 'tr-error' : 'tr-ok'} role={message.isError ? 'alert' : 'status'}>
            {message.text}
          </div>
        )}
      </form>
    </details>
  );
}
