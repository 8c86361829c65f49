import type { TrancheView } from '../lib/worker/view';
import * as format from './format';

const STATUS_TEXT: Record<TrancheView['status'], string> = {
  pending: 'pending',
  triggered: 'triggered',
  filled: 'filled',
  skipped: 'skipped',
  'too-small': 'too small',
  cancelled: 'cancelled',
};

/** The ladder: every tranche with its level, quantity, status and fill price. */
export function TrancheTable({
  tranches,
  tickSize,
  lotStep,
}: {
  tranches: readonly TrancheView[];
  tickSize: string;
  lotStep: string;
}) {
  return (
    <table class="tr-table" aria-label="Tranches">
      <thead>
        <tr>
          <th scope="col">Tranche</th>
          <th scope="col">Level</th>
          <th scope="col">Qty</th>
          <th scope="col">Status</th>
          <th scope="col">Fill</th>
        </tr>
      </thead>
      <tbody>
        {tranches.map((tranche) => (
          <tr key={tranche.id} data-tranche={tranche.id} title={tranche.reason ?? undefined}>
            <td>{tranche.label}</td>
            <td>{format.price(tranche.level, tickSize)}</td>
            <td>{format.qty(tranche.qty, lotStep)}</td>
            <td class={`tr-st-${tranche.status}`}>{STATUS_TEXT[tranche.status]}</td>
            <td>{format.price(tranche.fillPrice, tickSize)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
