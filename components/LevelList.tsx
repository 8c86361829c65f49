import type { LevelView } from '../lib/worker/view';
import * as format from './format';

/** The next levels with their distance: "add 1 of 2 · 105.0 · 2.94% · 1.20 ATR"; the nearest in bold. */
export function LevelList({
  title,
  levels,
  tickSize,
  nextTranche = null,
}: {
  title: string;
  levels: readonly (LevelView | null)[];
  tickSize: string;
  /** The nearest level's tranche (PlanView.next), emphasized. */
  nextTranche?: string | null;
}) {
  const shown = levels.filter((level): level is LevelView => level !== null);
  if (shown.length === 0) return null;
  return (
    <>
      <div class="tr-subtitle">{title}</div>
      <div class="tr-next" role="list" aria-label={title}>
        {shown.map((level) => {
          const isNext = level.tranche === nextTranche;
          return (
            <div
              role="listitem"
              class={`tr-level tr-level-${level.kind}${isNext ? ' tr-level-next' : ''}`}
              key={level.tranche}
              data-tranche={level.tranche}
              aria-current={isNext ? 'true' : undefined}
            >
              <span class="tr-level-name">{levelName(level)}</span>
              <span>{format.price(level.level, tickSize)}</span>
              <span class="tr-distance">{format.distance(level.distancePercent, level.distanceAtr)}</span>
            </div>
          );
        })}
      </div>
    </>
  );
}

/** "stop", "entry", "add 1 of 2", "target 2 of 3". */
export function levelName(level: LevelView): string {
  return level.kind === 'stop' ? 'stop' : level.label;
}
