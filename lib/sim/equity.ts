import { Decimal, toCanonical, toPrintable } from '../decimal';
import type { Plan } from '../plan/schema';
import { orderSide } from '../plan/tranche-id';
import { direction } from '../plan/side';
import type { PriceData } from './csv';
import { simulate, type SimLine, type SimOptions } from './run';

/** The account's P&L at the end of one data row: realized plus the open position marked to that row's price. */
export interface EquityPoint {
  /** Milliseconds since the epoch, as parsed from the row. */
  readonly time: number;
  /** The row's time as written in the file. */
  readonly label: string;
  /** The tick's price, or the candle's close. */
  readonly price: string;
  readonly position: string;
  readonly realizedPnl: string;
  readonly unrealizedPnl: string;
  /** realizedPnl + unrealizedPnl, in money (quote currency × pointValue). */
  readonly equity: string;
}

/**
 * Realized + unrealized P&L after every data row of a simulation. The fill lines carry the
 * position and the cumulative realized P&L; the money still in open lots (Σ qty × fill ×
 * pointValue) follows from them exactly: an opening fill adds qty × price × pointValue, a
 * closing one removes qty × price × pointValue − (its realized P&L, mirrored for a short).
 * Fill lines name their row by its time label, so a fill is counted at the first row with
 * that label (rows sharing a time are one instant).
 */
export function equityCurve(plan: Plan, data: PriceData, lines: readonly SimLine[]): EquityPoint[] {
  const sign = direction(plan.side);
  const opening = orderSide(plan.side, 'entry');
  const pointValue = new Decimal(plan.instrument.pointValue);
  const fills = lines.filter((line) => line.type === 'fill');
  const points: EquityPoint[] = [];
  let next = 0;
  let position = new Decimal(0);
  let realized = new Decimal(0);
  let openCost = new Decimal(0);
  for (const row of data.rows) {
    const { label } = row;
    for (let fill = fills[next]; fill !== undefined && fill.time === label; fill = fills[++next]) {
      const money = new Decimal(String(fill.qty)).mul(String(fill.price)).mul(pointValue);
      const realizedAfter = new Decimal(String(fill.realizedPnl));
      if (fill.side === opening) openCost = openCost.plus(money);
      else openCost = openCost.minus(money.minus(realizedAfter.minus(realized).mul(sign)));
      realized = realizedAfter;
      position = new Decimal(String(fill.position));
    }
    const price = row.kind === 'tick' ? row.price : row.close;
    const unrealized = position.isZero()
      ? new Decimal(0)
      : position.mul(price).mul(pointValue).minus(openCost).mul(sign);
    points.push({
      time: row.time,
      label,
      price,
      position: toCanonical(position),
      realizedPnl: toPrintable(realized),
      unrealizedPnl: toPrintable(unrealized),
      equity: toPrintable(realized.plus(unrealized)),
    });
  }
  return points;
}

/**
 * The single-entry baseline (docs/decisions.md "Simulator"): the same entry, quantity and
 * initial stop, but no adds, no stop moves, and the whole position out at the plan's
 * farthest target (or held to the end of the data when the plan has no target). What the
 * scaling itself earned is the plan's result minus this one's.
 */
export function baselinePlan(plan: Plan): Plan {
  const last = plan.scaleOut[plan.scaleOut.length - 1];
  return {
    ...plan,
    name: `${plan.name} (single entry)`,
    scaleIn: [],
    scaleOut: last === undefined ? [] : [{ ...last, share: 'rest' }],
    stopRules: [],
  };
}

export interface Backtest {
  readonly lines: SimLine[];
  /** The simulator's `summary` line. */
  readonly summary: SimLine;
  readonly equity: EquityPoint[];
  readonly baseline: { readonly lines: SimLine[]; readonly summary: SimLine; readonly equity: EquityPoint[] };
  /** Equity at the end of the data, the baseline's, and what the scaling made beyond it (plan − baseline). */
  readonly final: { readonly plan: string; readonly baseline: string; readonly difference: string };
}

/** The plan and its single-entry baseline over the same data, with both equity curves. Throws SimError like `simulate`. */
export function backtest(plan: Plan, data: PriceData, options: Partial<SimOptions> = {}): Backtest {
  const run = (which: Plan) => {
    const { lines } = simulate(which, data.rows, options);
    const summary = lines[lines.length - 1] ?? { type: 'summary' };
    return { lines, summary, equity: equityCurve(which, data, lines) };
  };
  const main = run(plan);
  const baseline = run(baselinePlan(plan));
  const end = (points: EquityPoint[]) => new Decimal(points[points.length - 1]?.equity ?? '0');
  return {
    ...main,
    baseline,
    final: {
      plan: toPrintable(end(main.equity)),
      baseline: toPrintable(end(baseline.equity)),
      difference: toPrintable(end(main.equity).minus(end(baseline.equity))),
    },
  };
}
