import type { Plan } from '../lib/plan/schema';
import type { Ladder } from '../lib/sim/ladder';
import { shortTrancheName } from '../lib/words/tranche-words';
import * as format from './format';

export interface RiskTableProps {
  readonly plan: Plan;
  readonly ladder: Extract<Ladder, { ok: true }>;
  /** Narrow (the popup, the on-page panel): the level, quantity, stop and open risk in money and R. */
  readonly isCompact?: boolean;
}

/**
 * The planned ladder, one row per tranche, every level filling where planned: the position
 * after it, its average entry, every lot's stop, and the open risk in money, % of equity
 * and R (docs/plan-format.md#r) once the stop rules have run.
 */
export function RiskTable({ plan, ladder, isCompact = false }: RiskTableProps) {
  const { tickSize, lotStep } = plan.instrument;
  const wide = !isCompact;
  return (
    <table class="tr-table tr-risk" aria-label="Risk per tranche">
      <caption>
        R = {format.price(ladder.r, tickSize)} · risk budget {format.money(ladder.budget)} · initial risk{' '}
        {format.money(ladder.initialRisk)}
        {ladder.atr === null ? '' : ` · ATR ${format.average(ladder.atr, tickSize)}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Tranche</th>
          <th scope="col">Level</th>
          <th scope="col">Qty</th>
          {wide && <th scope="col">Position after</th>}
          {wide && <th scope="col">Average entry</th>}
          <th scope="col">Stop(s)</th>
          <th scope="col">Open risk</th>
          {wide && <th scope="col">% equity</th>}
          <th scope="col">R</th>
          {wide && <th scope="col">Realized</th>}
        </tr>
      </thead>
      <tbody>
        {ladder.rows.map((row) =>
          row.status === 'skipped' ? (
            <tr key={row.tranche} data-tranche={row.tranche} class="tr-st-skipped">
              <th scope="row">{shortTrancheName(row.tranche)}</th>
              <td>{format.price(row.level, tickSize)}</td>
              <td colSpan={isCompact ? 4 : 8} class="tr-warn" style={{ textAlign: 'left' }}>
                skipped: {row.reason}
              </td>
            </tr>
          ) : (
            <tr key={row.tranche} data-tranche={row.tranche}>
              <th scope="row" class={row.side === 'buy' ? 'tr-buy' : 'tr-sell'}>
                {shortTrancheName(row.tranche)}
              </th>
              <td>{format.price(row.price, tickSize)}</td>
              <td>
                {row.side === 'buy' ? '+' : '−'}
                {format.qty(row.qty, lotStep)}
              </td>
              {wide && <td>{format.qty(row.position, lotStep)}</td>}
              {wide && <td>{format.average(row.avgPrice, tickSize)}</td>}
              <td>{stopsText(row.stops, tickSize)}</td>
              <td>{format.money(row.openRisk)}</td>
              {wide && <td>{format.share(row.openRiskPercent)}</td>}
              <td>{format.r(row.openRiskR)}</td>
              {wide && <td>{format.money(row.realizedPnl)}</td>}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

/** One stop when every lot shares it, else each lot's, oldest first. */
function stopsText(stops: readonly string[], tickSize: string): string {
  if (stops.length === 0) return '—';
  const distinct = [...new Set(stops)];
  return distinct.length === 1
    ? format.price(distinct[0] ?? null, tickSize)
    : stops.map((stop) => format.price(stop, tickSize)).join(' · ');
}
