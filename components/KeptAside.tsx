import type { QuarantinedView } from '../lib/messages/plans';
import * as format from './format';

export interface KeptAsideProps {
  readonly records: readonly QuarantinedView[];
  readonly onExport: (entry: QuarantinedView) => void;
}

/**
 * Records Tranche could not read or run, set aside instead of deleted: each by name, with
 * why, when, where it was stored, and its export. A plan listed here is not run.
 */
export function KeptAside({ records, onExport }: KeptAsideProps) {
  if (records.length === 0) return null;
  return (
    <section class="tr-section tr-aside" aria-labelledby="tr-quarantine-title">
      <h2 id="tr-quarantine-title">Kept aside: records Tranche could not read or run</h2>
      <p class="tr-muted" style={{ marginTop: 0 }}>
        They were set aside instead of deleted, and everything else keeps working. Export one to keep it, or
        to repair it and import it again.
      </p>
      <ul class="tr-aside-list" aria-label="Unreadable records">
        {records.map((entry) => (
          <li key={entry.key + String(entry.at)} class="tr-aside-item" aria-label={entry.label}>
            <div class="tr-card-head">
              <strong>{entry.label}</strong>
              {entry.at > 0 && <span class="tr-muted">{format.time(entry.at)}</span>}
            </div>
            <div class="tr-warn">{entry.problem}</div>
            <div>{entry.effect}</div>
            <div class="tr-actions" style={{ alignItems: 'baseline' }}>
              <code class="tr-muted">{entry.key}</code>
              <button
                type="button"
                class="tr-link"
                aria-label={`Export ${entry.key}`}
                onClick={() => onExport(entry)}
              >
                export
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
