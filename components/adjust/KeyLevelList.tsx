import type { PlanView } from '../../lib/worker/view';
import * as format from '../format';

/** The plan's key levels, the prices the trader watches, each with its distance from the last price. */
export function KeyLevelList({ view }: { view: PlanView }) {
  if (view.levels.length === 0) return null;
  return (
    <>
      <div class="tr-subtitle" id={`tr-key-levels-${view.id}`}>
        Key levels
      </div>
      <ul class="tr-alerts" aria-labelledby={`tr-key-levels-${view.id}`}>
        {view.levels.map((level) => (
          <li key={level.index}>
            {level.label} {format.price(level.price, view.tickSize)} · {format.percent(level.distancePercent)}
          </li>
        ))}
      </ul>
    </>
  );
}
