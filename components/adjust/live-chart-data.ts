import type { PlanView } from '../../lib/worker/view';
import type { ChartLevel, ChartSeries } from '../LadderChart';
import type { AdjustmentFields } from './adjust-port';

/** The plan's key levels as chart lines: the prices the trader watches, dotted, with their labels. */
export function keyLevelLines(
  levels: readonly { readonly price: string; readonly label: string }[],
): ChartLevel[] {
  return levels.map((level) => ({
    price: Number(level.price),
    title: level.label,
    color: 'muted',
    style: 'dotted',
  }));
}

/** A chart's price range showing every one of these prices, with a margin: a share of their spread, 1 % of a lone price. */
export function rangeShowing(prices: readonly number[], share = 0.08): { min: number; max: number } {
  const [low, high] = [Math.min(...prices), Math.max(...prices)];
  const margin = (high - low) * share || high * 0.01;
  return { min: low - margin, max: high + margin };
}

/**
 * A live trade as a chart: the last price as a line, and across it the average entry,
 * every lot's stop (one line when they agree), the next add and target, the liquidation
 * estimate and the key levels. The stop lines carry the keys a drag hands back
 * (`stopAdjustmentFor`).
 */
export function liveChartData(view: PlanView): {
  series: ChartSeries[];
  levels: ChartLevel[];
  range: { min: number; max: number };
} {
  const price = Number(view.quote?.price ?? view.averageEntry ?? view.entry?.level ?? 0);
  const levels: ChartLevel[] = [];
  if (view.averageEntry !== null) {
    levels.push({ price: Number(view.averageEntry), title: 'Avg entry', color: 'warn', style: 'solid' });
  }
  const stops = [...new Set(view.lots.map((lot) => lot.stop))];
  stops.forEach((stop) => {
    const lots = view.lots.filter((lot) => lot.stop === stop).map((lot) => lot.lot);
    const title = stops.length === 1 ? 'Stop' : `Stop lot ${lots.join(', ')}`;
    // What a drag moves: every lot's stop when they agree, else the one lot on that line.
    const key = stops.length === 1 ? 'stop' : lots.length === 1 ? `stop-lot-${String(lots[0])}` : undefined;
    levels.push({
      price: Number(stop),
      title,
      color: 'sell',
      style: 'solid',
      ...(key === undefined ? {} : { key }),
    });
  });
  if (view.nextAdd !== null) {
    levels.push({
      price: Number(view.nextAdd.level),
      title: view.nextAdd.label,
      color: 'buy',
      style: 'solid',
    });
  }
  if (view.nextTarget !== null) {
    levels.push({
      price: Number(view.nextTarget.level),
      title: view.nextTarget.label,
      color: 'info',
      style: 'dashed',
    });
  }
  if (view.liquidation !== null) {
    levels.push({ price: Number(view.liquidation), title: 'Liquidation', color: 'sell', style: 'dotted' });
  }
  levels.push(...keyLevelLines(view.levels));
  return {
    // Every line in sight: the chart scales to its one price otherwise.
    range: rangeShowing([price, ...levels.map((level) => level.price)]),
    series: [
      {
        title: 'Last price',
        isTitled: true,
        color: 'text',
        points: [
          { time: 1, value: price },
          { time: 2, value: price },
        ],
      },
    ],
    levels,
  };
}

/** The stop adjustment a dragged stop line asks for, at the price it was dropped at (already on the tick). */
export function stopAdjustmentFor(key: string, price: string): AdjustmentFields | null {
  if (key === 'stop') return { action: 'stop', price };
  const lot = /^stop-lot-(\d+)$/.exec(key)?.[1];
  return lot === undefined ? null : { action: 'stop', price, lot: Number(lot) };
}
