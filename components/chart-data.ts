import type { Plan } from '../lib/plan/schema';
import { parseTrancheId } from '../lib/plan/tranche-id';
import type { EquityPoint } from '../lib/sim/equity';
import type { Ladder } from '../lib/sim/ladder';
import type { SimLine } from '../lib/sim/run';
import { shortTrancheName } from '../lib/words/tranche-words';
import { keyLevelLines, rangeShowing } from './adjust/live-chart-data';
import * as format from './format';
import type { ChartLevel, ChartMarker, ChartSeries } from './LadderChart';

/**
 * The planned ladder as a chart: the price walking from level to level (one step per
 * tranche), the nearest stop after each fill as a stepped line, and every level as a price
 * line — entry, each add, each target, each distinct stop the plan moves to, and the
 * plan's key levels.
 */
export function ladderChartData(
  ladder: Extract<Ladder, { ok: true }>,
  keyLevels: Plan['levels'] = [],
): {
  series: ChartSeries[];
  levels: ChartLevel[];
  stepNames: string[];
} {
  const stepNames: string[] = [];
  const path: { time: number; value: number }[] = [];
  const stops: { time: number; value: number }[] = [];
  const levels: ChartLevel[] = [
    { price: Number(ladder.initialStop), title: 'Stop', color: 'sell', style: 'solid', key: 'stop' },
  ];
  const seenStops = new Set([ladder.initialStop]);
  let lastStop = Number(ladder.initialStop);
  for (const row of ladder.rows) {
    const price = row.status === 'filled' ? row.price : row.level;
    if (price === null) continue;
    const time = stepNames.length + 1;
    stepNames.push(shortTrancheName(row.tranche));
    path.push({ time, value: Number(price) });
    const kind = parseTrancheId(row.tranche)?.kind;
    const skipped = row.status === 'skipped' ? ' (skipped)' : '';
    levels.push({
      price: Number(price),
      title: `${shortTrancheName(row.tranche)}${skipped}`,
      color: kind === 'add' ? 'buy' : kind === 'target' ? 'info' : 'warn',
      style: kind === 'target' ? 'dashed' : 'solid',
      key: row.tranche,
    });
    if (row.status !== 'filled') continue;
    if (row.stop !== null) lastStop = Number(row.stop);
    stops.push({ time, value: lastStop });
    for (const stop of row.stops) {
      if (seenStops.has(stop)) continue;
      seenStops.add(stop);
      levels.push({
        price: Number(stop),
        title: `Stop after ${shortTrancheName(row.tranche).toLowerCase()}`,
        color: 'sell',
        style: 'dotted',
      });
    }
  }
  return {
    series: [
      { title: 'Planned path', color: 'text', points: path },
      { title: 'Stop', color: 'sell', points: stops, isStepped: true, isDashed: true },
    ],
    levels: [...levels, ...keyLevelLines(keyLevels)],
    stepNames,
  };
}

/**
 * Chart times are whole seconds and strictly increasing: rows within one second become one
 * point (the last, which is where that second ended).
 */
export function bySecond<T>(
  items: readonly T[],
  millisOf: (item: T) => number,
  valueOf: (item: T) => number,
): { time: number; value: number }[] {
  const points: { time: number; value: number }[] = [];
  for (const item of items) {
    const time = Math.floor(millisOf(item) / 1000);
    const last = points[points.length - 1];
    if (last !== undefined && last.time >= time) last.value = valueOf(item);
    else points.push({ time, value: valueOf(item) });
  }
  return points;
}

/**
 * The simulated price path with a marker on each fill, and the plan's key levels across it,
 * the range widened to show them.
 */
export function priceChartData(
  equity: readonly EquityPoint[],
  lines: readonly SimLine[],
  keyLevels: Plan['levels'] = [],
): {
  series: ChartSeries[];
  markers: ChartMarker[];
  levels: ChartLevel[];
  range?: { min: number; max: number };
} {
  const secondOf = new Map(equity.map((point) => [point.label, Math.floor(point.time / 1000)]));
  const markers: ChartMarker[] = lines
    .filter((line) => line.type === 'fill')
    .map((line) => ({
      time: secondOf.get(String(line.time)) ?? 0,
      isAbove: line.side === 'sell',
      color: line.tranche === 'stop' ? 'sell' : line.side === 'buy' ? 'buy' : 'info',
      text: shortTrancheName(String(line.tranche)),
    }));
  const points = bySecond(
    equity,
    (point) => point.time,
    (point) => Number(point.price),
  );
  const levels = keyLevelLines(keyLevels);
  const path = points.map((point) => point.value);
  const [low, high] = [Math.min(...path), Math.max(...path)];
  // The chart scales to the path with room for the markers; a level beyond it widens that.
  const isBeyond = levels.some((level) => level.price < low || level.price > high);
  return {
    series: [{ title: 'Price', color: 'text', points }],
    markers,
    levels,
    ...(isBeyond ? { range: rangeShowing([...path, ...levels.map((level) => level.price)], 0.15) } : {}),
  };
}

/** The plan's equity curve against the single-entry baseline's. */
export function equityChartData(
  equity: readonly EquityPoint[],
  baseline: readonly EquityPoint[],
): ChartSeries[] {
  const curve = (points: readonly EquityPoint[]) =>
    bySecond(
      points,
      (point) => point.time,
      (point) => Number(point.equity),
    );
  return [
    { title: 'Plan', isTitled: true, color: 'info', points: curve(equity) },
    { title: 'Single entry', isTitled: true, color: 'muted', points: curve(baseline), isDashed: true },
  ];
}

/** Value formatting for a plan's price charts. */
export function priceFormatter(plan: Plan): (value: number) => string {
  return (value) => format.axis(value, plan.instrument.tickSize);
}
