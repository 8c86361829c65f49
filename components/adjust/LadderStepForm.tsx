import { useId, useState } from 'preact/hooks';

import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { NumberField } from './NumberField';
import { typedNumber, type FormResult } from './adjust-port';
import { pendingTranches } from './pending-tranches';

const NEW = 0;

/**
 * Move or remove a pending target or add; add a target (with its share of the peak
 * position); cancel every pending add.
 */
export function LadderStepForm({
  view,
  kind,
  onPreview,
}: {
  view: PlanView;
  kind: 'target' | 'add';
  onPreview: (result: FormResult) => void;
}) {
  const id = `tr-${useId()}`;
  const pending = pendingTranches(view.tranches, kind);
  const [index, setIndex] = useState(() => pending[0]?.index ?? NEW);
  const chosen = pending.find((candidate) => candidate.index === index);
  const [price, setPrice] = useState(() =>
    chosen?.tranche.level == null ? '' : format.field(chosen.tranche.level, view.tickSize),
  );
  const [share, setShare] = useState('0.25');
  const isNew = chosen === undefined;
  const noun = kind === 'target' ? 'target' : 'add';

  const move = (event: Event) => {
    event.preventDefault();
    const typed = typedNumber(price, 'Price');
    if (!typed.ok) return onPreview(typed);
    if (!isNew) return onPreview({ ok: true, adjustment: { action: kind, index, price: typed.value } });
    const typedShare =
      share.trim() === 'rest' ? { ok: true as const, value: 'rest' } : typedNumber(share, 'Share');
    if (!typedShare.ok) return onPreview(typedShare);
    onPreview({ ok: true, adjustment: { action: 'target', price: typed.value, share: typedShare.value } });
  };

  return (
    <form
      class="tr-form"
      aria-label={kind === 'target' ? 'Change the targets' : 'Change the adds'}
      onSubmit={move}
    >
      <label for={`${id}-which`}>
        {kind === 'target' ? 'Target' : 'Add'}
        <select
          id={`${id}-which`}
          value={index}
          onChange={(event) => {
            const next = Number(event.currentTarget.value);
            setIndex(next);
            const level = pending.find((candidate) => candidate.index === next)?.tranche.level;
            if (level != null) setPrice(format.field(level, view.tickSize));
          }}
        >
          {pending.map((candidate) => (
            <option key={candidate.index} value={candidate.index}>
              {candidate.tranche.label} · {format.price(candidate.tranche.level, view.tickSize)}
            </option>
          ))}
          {kind === 'target' && <option value={NEW}>a new target</option>}
        </select>
      </label>
      {(kind === 'target' || !isNew) && (
        <NumberField label={isNew ? 'Price' : 'New price'} value={price} onValue={setPrice} />
      )}
      {isNew && kind === 'target' && (
        <NumberField label="Share of the peak" value={share} onValue={setShare} isWords />
      )}
      <div class="tr-actions">
        {(kind === 'target' || !isNew) && (
          <button type="submit" class="tr-button tr-primary">
            {isNew ? `Preview the new ${noun}` : `Preview the move`}
          </button>
        )}
        {!isNew && (
          <button
            type="button"
            class="tr-button"
            onClick={() => onPreview({ ok: true, adjustment: { action: kind, index, remove: true } })}
          >
            Remove {chosen.tranche.label}
          </button>
        )}
        {kind === 'add' && pending.length > 0 && (
          <button
            type="button"
            class="tr-button"
            onClick={() => onPreview({ ok: true, adjustment: { action: 'add', cancel: true } })}
          >
            Cancel every add
          </button>
        )}
      </div>
      {kind === 'add' && pending.length === 0 && <div class="tr-muted">No add is pending.</div>}
    </form>
  );
}
