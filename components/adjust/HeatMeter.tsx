import type { PlansView } from '../../lib/messages/plans';
import * as format from '../format';

export type HeatView = PlansView['heat'];

/**
 * The account heat against its cap: the open risk of every armed and active plan summed,
 * in the account currency, as a share of the cap the trader set (equity × cap %).
 */
export function HeatMeter({ heat }: { heat: HeatView }) {
  if (heat === null) return null;
  const used = Number(heat.usedPercent);
  return (
    <div class="tr-heat" role="group" aria-label="Account heat">
      <span class={used >= 100 ? 'tr-error' : used >= 80 ? 'tr-warn' : 'tr-muted'}>Account heat</span>
      <meter
        class="tr-meter"
        min={0}
        max={100}
        low={80}
        high={99.99}
        optimum={0}
        value={Math.min(used, 100)}
      />
      <span>
        {format.money(heat.openRisk)} of {format.money(heat.cap)} ({format.percent(heat.usedPercent)} of the{' '}
        {heat.capPercent}% cap)
      </span>
    </div>
  );
}
