import type { LevelView } from '../lib/worker/view';
import * as format from './format';

/** The next levels with their distance: "add 1 of 2 · 105.00 · 2.94% · 1.20 ATR". */
export function LevelList({ levels, tickSize }: { levels: readonly (LevelView | null)[]; tickSize: string }) {
  const shown = levels.filter((level): level is LevelView => level !== null);
  if (shown.length === 0) return null;
  return (
    <div class="tr-next" aria-label="Next levels">
      {shown.map((level) => (
        <div class={`tr-level tr-level-${level.kind}`} key={level.tranche} data-tranche={level.tranche}>
          <span class="tr-level-name">{level.kind === 'stop' ? 'stop' : level.label}</span>
          <span>{format.price(level.level, tickSize)}</span>
          <span class="tr-distance">
            {format.percent(level.distancePercent)}
            {level.distanceAtr !== null && ` · ${level.distanceAtr} ATR`}
          </span>
        </div>
      ))}
    </div>
  );
}
