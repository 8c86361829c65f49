import type { KeyLevelView, PlanView } from '../../lib/worker/view';
import * as format from '../format';

/**
 * The plan's key levels, the prices the trader watches, each with its distance from the
 * last price. Compact (the on-page panel): all of them on one line.
 */
export function KeyLevelList({ view, isCompact = false }: { view: PlanView; isCompact?: boolean }) {
  if (view.levels.length === 0) return null;
  const words = (level: KeyLevelView) =>
    `${level.label} ${format.price(level.price, view.tickSize)} · ${format.percent(level.distancePercent)}`;
  if (isCompact) {
    return (
      <div class="tr-key-line" aria-label="Key levels">
        <span class="tr-key-title">Key levels</span> {view.levels.map(words).join(' | ')}
      </div>
    );
  }
  return (
    <>
      <div class="tr-subtitle" id={`tr-key-levels-${view.id}`}>
        Key levels
      </div>
      <ul class="tr-alerts" aria-labelledby={`tr-key-levels-${view.id}`}>
        {view.levels.map((level) => (
          <li key={level.index}>{words(level)}</li>
        ))}
      </ul>
    </>
  );
}
