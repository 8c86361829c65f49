import { useId, useState } from 'preact/hooks';

import { stopBeyondLevel } from '../../lib/sizing/stop-beyond-level';
import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';
import { NumberField } from './NumberField';
import { typedNumber, type FormResult } from './adjust-port';

type Where = 'price' | 'breakeven' | 'level';

/**
 * Move the stop: to a price, to breakeven, or beyond a key level by a tick or a fraction
 * of the ATR (a long's below it, a short's above); every open lot, or one.
 */
export function StopMoveForm({
  view,
  onPreview,
}: {
  view: PlanView;
  onPreview: (result: FormResult) => void;
}) {
  const id = `tr-${useId()}`;
  const [where, setWhere] = useState<Where>('price');
  const [price, setPrice] = useState(() =>
    view.stop === null ? '' : format.field(view.stop, view.tickSize),
  );
  const [level, setLevel] = useState(() => view.levels[0]?.index ?? 0);
  const [by, setBy] = useState<'tick' | 'atr'>('tick');
  const [fraction, setFraction] = useState('0.25');
  const [lot, setLot] = useState(0);
  const beyond = view.side === 'long' ? 'below' : 'above';

  const stopPrice = (): { ok: true; value: string } | { ok: false; message: string } => {
    if (where === 'price') return typedNumber(price, 'Stop');
    const chosen = view.levels.find((candidate) => candidate.index === level);
    if (chosen === undefined) return { ok: false, message: 'Add a key level first' };
    const placed = stopBeyondLevel(
      view.side,
      chosen.price,
      view.tickSize,
      by === 'tick' ? { by } : { by, fraction },
      view.atr,
    );
    return placed.ok ? { ok: true, value: placed.price } : placed;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const lotField: Record<string, number> = lot === 0 ? {} : { lot };
    if (where === 'breakeven') {
      onPreview({ ok: true, adjustment: { action: 'stop', to: 'breakeven', ...lotField } });
      return;
    }
    const placed = stopPrice();
    onPreview(
      placed.ok ? { ok: true, adjustment: { action: 'stop', price: placed.value, ...lotField } } : placed,
    );
  };

  return (
    <form class="tr-form" aria-label="Stop move" onSubmit={submit}>
      <label for={`${id}-where`}>
        Move the stop
        <select
          id={`${id}-where`}
          value={where}
          onChange={(event) => setWhere(event.currentTarget.value as Where)}
        >
          <option value="price">to a price</option>
          <option value="breakeven">to breakeven</option>
          <option value="level" disabled={view.levels.length === 0}>
            {beyond} a key level
          </option>
        </select>
      </label>
      {where === 'price' && <NumberField label="Stop price" value={price} onValue={setPrice} />}
      {where === 'level' && (
        <>
          <label for={`${id}-level`}>
            Key level
            <select
              id={`${id}-level`}
              value={level}
              onChange={(event) => setLevel(Number(event.currentTarget.value))}
            >
              {view.levels.map((candidate) => (
                <option key={candidate.index} value={candidate.index}>
                  {candidate.label} {format.price(candidate.price, view.tickSize)}
                </option>
              ))}
            </select>
          </label>
          <label for={`${id}-by`}>
            By
            <select
              id={`${id}-by`}
              value={by}
              onChange={(event) => setBy(event.currentTarget.value as 'tick' | 'atr')}
            >
              <option value="tick">one tick</option>
              <option value="atr" disabled={view.atr === null}>
                a fraction of the ATR
              </option>
            </select>
          </label>
          {by === 'atr' && <NumberField label="ATR fraction" value={fraction} onValue={setFraction} />}
        </>
      )}
      {view.lots.length > 1 && (
        <label for={`${id}-lot`}>
          Lots
          <select
            id={`${id}-lot`}
            value={lot}
            onChange={(event) => setLot(Number(event.currentTarget.value))}
          >
            <option value={0}>every lot</option>
            {view.lots.map((held) => (
              <option key={held.lot} value={held.lot}>
                lot {held.lot}: {format.qty(held.qty, view.lotStep)} @{' '}
                {format.price(held.fill, view.tickSize)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" class="tr-button tr-primary">
        Preview
      </button>
    </form>
  );
}
