import { normalizeSymbol } from '../sites/symbol';
import { pageSymbol, pageVenue } from '../sites/page-identity';
import { RefusalReason, type PageSenderCheck } from './sender';

/** A picked site, as the sender check needs it: the symbol the trader confirmed there, if any. */
export interface PickedClaim {
  readonly symbol: string | null;
}

/**
 * Whether a tick, stale or diverged report is for the page that sent it: its venue must be
 * the page's (lib/watch/page-identity, the rule the content script names it by), and a
 * tick's or divergence's symbol the one the page's address (or the trader's pick) names,
 * when one does. The page is `pageUrl`, the address the browser stamped on the message —
 * never the message's word — so Kraken's page cannot step a Binance plan, nor a chart of
 * one symbol another's.
 * A stale report names no symbol to check (`symbol` undefined): a page that switched to
 * another symbol rightly reports the one it left as no longer refreshed.
 */
export function checkPageClaim(
  claim: { readonly venue: string; readonly symbol?: string | undefined },
  pageUrl: string | undefined,
  picked: PickedClaim | null,
): PageSenderCheck {
  const url = parseUrl(pageUrl);
  if (url === null || claim.venue !== pageVenue(url, picked !== null)) {
    return { ok: false, reason: RefusalReason.venueNotPage };
  }
  const symbol = pageSymbol(url, picked);
  if (
    symbol !== undefined &&
    claim.symbol !== undefined &&
    normalizeSymbol(symbol) !== normalizeSymbol(claim.symbol)
  ) {
    return { ok: false, reason: RefusalReason.symbolNotPage };
  }
  return { ok: true };
}

function parseUrl(text: string | undefined): URL | null {
  if (text === undefined) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
