import type { PickedSiteView } from '../lib/messages/replies';

export type PickStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'picking'; readonly origin: string }
  | { readonly kind: 'error'; readonly text: string };

export interface PickPriceProps {
  /** The origin of the page in the tab the popup was opened on; null when it is not a web page. */
  readonly pageOrigin: string | null;
  readonly status: PickStatus;
  readonly sites: readonly PickedSiteView[];
  readonly onPick: () => void;
  readonly onRemove: (origin: string) => void;
}

/**
 * "Pick the price on this page": for a site no adapter knows, the trader clicks its price
 * once and Tranche reads that element from then on. Lists the picked sites, each with a
 * remove button.
 */
export function PickPrice({ pageOrigin, status, sites, onPick, onRemove }: PickPriceProps) {
  return (
    <section class="tr-card" aria-labelledby="tr-pick-price-title">
      <h2 id="tr-pick-price-title" style={{ fontSize: '13px', margin: '0 0 6px' }}>
        Pick the price on this page
      </h2>
      {pageOrigin === null ? (
        <p class="tr-muted">Open Tranche on a web page to pick its price.</p>
      ) : (
        <>
          <p class="tr-muted">
            For a site Tranche does not read by itself: allow it, click the price once, and Tranche reads it
            from then on.
          </p>
          <button
            type="button"
            class="tr-button tr-primary"
            onClick={onPick}
            disabled={status.kind === 'busy'}
          >
            Pick the price on this page
          </button>
        </>
      )}
      <StatusLine status={status} />
      <h3 class="tr-muted" style={{ fontSize: '12px', margin: '10px 0 4px' }}>
        Picked sites
      </h3>
      {sites.length === 0 ? (
        <p class="tr-muted">None yet.</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {sites.map((site) => (
            <li
              key={site.origin}
              style={{ display: 'flex', gap: '8px', alignItems: 'center', padding: '3px 0' }}
            >
              <span style={{ flex: 1, overflowWrap: 'anywhere' }}>{site.origin}</span>
              <span class="tr-muted">{site.symbol ?? 'symbol from the title'}</span>
              <button
                type="button"
                class="tr-button"
                aria-label={`Remove ${site.origin}`}
                onClick={() => onRemove(site.origin)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StatusLine({ status }: { status: PickStatus }) {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <p role="status" class="tr-muted">
          Asking the browser…
        </p>
      );
    case 'picking':
      return <p role="status">Now click the price on {status.origin}.</p>;
    case 'error':
      return (
        <p role="alert" class="tr-error">
          {status.text}
        </p>
      );
  }
}
