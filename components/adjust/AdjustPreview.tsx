import type { AdjustOutcomeView } from '../../lib/messages/adjust';
import * as format from '../format';

type Position = AdjustOutcomeView['before'];

/**
 * What an adjustment does, before it is confirmed and after: position, average entry,
 * every lot's stop, open risk in money, % and R, the liquidation estimate, the fill it
 * makes now, what changes in the plan — or why the guard refuses it.
 */
export function AdjustPreview({
  outcome,
  tickSize,
  lotStep,
}: {
  outcome: AdjustOutcomeView;
  tickSize: string;
  lotStep: string;
}) {
  const stops = (position: Position) =>
    position.lots.length === 0
      ? '—'
      : position.lots.map((lot) => format.price(lot.stop, tickSize)).join(' · ');
  const rows: [string, (position: Position) => string][] = [
    ['Position', (position) => format.qty(position.position, lotStep)],
    ['Avg entry', (position) => format.price(position.averageEntry, tickSize)],
    ['Stops', stops],
    ['Open risk', (position) => format.money(position.openRisk)],
    ['… of equity', (position) => format.percent(position.openRiskPercent)],
    ['… in R', (position) => format.rMultiple(position.openRiskR)],
    ['Liquidation', (position) => format.price(position.liquidation, tickSize)],
    ['Realized', (position) => format.money(position.realizedPnl)],
  ];
  const { before, after, fill } = outcome;
  return (
    <div class="tr-preview" data-status={outcome.status}>
      <div class="tr-preview-action">{outcome.action}</div>
      {fill !== null && (
        <div class={fill.side === 'buy' ? 'tr-buy' : 'tr-sell'}>
          {`${fill.side === 'buy' ? 'Buy' : 'Sell'} ${format.qty(fill.qty, lotStep)} at ${format.price(fill.price, tickSize)} now`}
        </div>
      )}
      <table class="tr-table" aria-label="Effect of the adjustment">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Now</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, show]) => {
            const was = show(before);
            const will = show(after);
            return (
              <tr key={label} class={was === will ? undefined : 'tr-changed'}>
                <th scope="row">{label}</th>
                <td>{was}</td>
                <td>{will}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {outcome.changes.length > 0 && (
        <ul class="tr-alerts tr-changes" aria-label="What changes in the plan">
          {outcome.changes.map((change) => (
            <li key={change} title={change}>
              {change}
            </li>
          ))}
        </ul>
      )}
      {outcome.refusal !== null && (
        <div class={outcome.status === 'refused' ? 'tr-error' : 'tr-warn'} role="alert">
          {outcome.refusal}
        </div>
      )}
      {outcome.overrides !== null && <div class="tr-warn">{outcome.overrides}</div>}
    </div>
  );
}
