import { useState } from 'preact/hooks';

import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { NumberField } from './NumberField';
import { typedNumber, type FormResult } from './adjust-port';

/** Add a key level (a price and a label the trader watches) or remove one. */
export function KeyLevelForm({
  view,
  onPreview,
}: {
  view: PlanView;
  onPreview: (result: FormResult) => void;
}) {
  const [price, setPrice] = useState('');
  const [label, setLabel] = useState('support');
  const submit = (event: Event) => {
    event.preventDefault();
    const typed = typedNumber(price, 'Level');
    if (!typed.ok) return onPreview(typed);
    if (label.trim() === '')
      return onPreview({ ok: false, message: 'Give the level a label, like “support”' });
    onPreview({ ok: true, adjustment: { action: 'level', price: typed.value, label: label.trim() } });
  };
  return (
    <form class="tr-form" aria-label="Key levels" onSubmit={submit}>
      <NumberField label="Level" value={price} onValue={setPrice} />
      <NumberField label="Label" value={label} onValue={setLabel} isWords />
      <button type="submit" class="tr-button tr-primary">
        Preview
      </button>
      {view.levels.length > 0 && (
        <ul class="tr-alerts" style={{ width: '100%' }}>
          {view.levels.map((level) => (
            <li key={level.index}>
              {level.label} {format.price(level.price, view.tickSize)}{' '}
              <button
                type="button"
                class="tr-link"
                onClick={() =>
                  onPreview({ ok: true, adjustment: { action: 'level', index: level.index, remove: true } })
                }
              >
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
