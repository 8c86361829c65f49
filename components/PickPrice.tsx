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
    <section class="pick-price" aria-labelledby="pick-price-title">
      <h2 id="pick-price-title">Pick the price on this page</h2>
      {pageOrigin === null ? (
        <p class="muted">Open Tranche on a web page to pick its price.</p>
      ) : (
        <>
          <p class="muted">
            For a site Tranche does not read by itself: allow it, click the price once, and Tranche reads it from
            then on.
          </p>
          <button type="button" class="primary" onClick={onPick} disabled={status.kind === 'busy'}>
            Pick the price on this page
          </button>
        </>
      )}
      <StatusLine status={status} />
      <h3>Picked sites</h3>
      {sites.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="picked-sites">
          {sites.map((site) => (
            <li key={site.origin}>
              <span class="origin">{site.origin}</span>
              <span class="symbol">{site.symbol ?? 'symbol from the title'}</span>
              <button type="button" aria-label={`Remove ${site.origin}`} onClick={() => onRemove(site.origin)}>
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
      return <p role="status">Asking the browser…</p>;
    case 'picking':
      return <p role="status">Now click the price on {status.origin}.</p>;
    case 'error':
      return (
        <p role="alert" class="error">
          {status.text}
        </p>
      );
  }
}
