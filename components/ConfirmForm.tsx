import { useId, useRef, useState } from 'preact/hooks';

import { checkConfirmation } from '../lib/sizing/confirm';
import { isSkippable } from '../lib/worker/notification-buttons';
import type { WaitingView } from '../lib/worker/view';
import * as format from './format';

export interface ConfirmFormProps {
  readonly waiting: WaitingView;
  readonly tickSize: string;
  readonly lotStep: string;
  /** For exits: the position, the most a target or stop can close. */
  readonly maxQty: string | null;
  /** Settles when the background has answered; until then both buttons wait. */
  readonly onConfirm: (tranche: string, price: string, qty: string) => Promise<void> | void;
  readonly onSkip: (tranche: string) => Promise<void> | void;
}

/** A triggered tranche: the suggested price and quantity, editable, checked before they are sent. */
export function ConfirmForm({ waiting, tickSize, lotStep, maxQty, onConfirm, onSkip }: ConfirmFormProps) {
  const [price, setPrice] = useState(() => format.field(waiting.price, tickSize));
  const [qty, setQty] = useState(() => format.field(waiting.qty, lotStep));
  const [error, setError] = useState<{ field: 'price' | 'qty'; message: string } | null>(null);
  const [isSending, setIsSending] = useState(false);
  // Unique per form: two plans on one page may both have an `add-1` waiting.
  const id = `tr-${useId()}`;
  // A ref too: a second click can come before the disabled buttons are rendered.
  const inFlight = useRef(false);
  const send = (action: () => Promise<void> | void) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setIsSending(true);
    void Promise.resolve(action()).finally(() => {
      inFlight.current = false;
      setIsSending(false);
    });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const check = checkConfirmation({ price, qty }, { lotStep, maxQty });
    if (!check.ok) {
      setError({ field: check.field, message: check.message });
      return;
    }
    setError(null);
    send(() => onConfirm(waiting.tranche, check.price, check.qty));
  };
  return (
    <form class="tr-waiting" onSubmit={submit} aria-label={`Confirm ${waiting.label}`}>
      <div class="tr-waiting-title" role="status">
        {waiting.label} triggered: {waiting.side} {format.qty(waiting.qty, lotStep)} at{' '}
        {format.price(waiting.price, tickSize)}
      </div>
      <div class="tr-form">
        <label for={`${id}-price`}>
          Fill price
          <input
            id={`${id}-price`}
            inputMode="decimal"
            autocomplete="off"
            value={price}
            aria-invalid={error?.field === 'price'}
            aria-describedby={error?.field === 'price' ? `${id}-error` : undefined}
            onInput={(event) => setPrice(event.currentTarget.value)}
          />
        </label>
        <label for={`${id}-qty`}>
          Quantity
          <input
            id={`${id}-qty`}
            inputMode="decimal"
            autocomplete="off"
            value={qty}
            aria-invalid={error?.field === 'qty'}
            aria-describedby={error?.field === 'qty' ? `${id}-error` : undefined}
            onInput={(event) => setQty(event.currentTarget.value)}
          />
        </label>
      </div>
      <div class="tr-actions">
        <button type="submit" class="tr-button tr-primary" disabled={isSending}>
          Confirm fill
        </button>
        {isSkippable(waiting.tranche) && (
          <button
            type="button"
            class="tr-button"
            disabled={isSending}
            onClick={() => send(() => onSkip(waiting.tranche))}
          >
            Skip
          </button>
        )}
      </div>
      {error && (
        <div class="tr-error" role="alert" id={`${id}-error`}>
          {error.message}
        </div>
      )}
    </form>
  );
}
