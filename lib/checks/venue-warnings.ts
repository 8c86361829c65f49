import type { Problem } from '../plan/problems';
import type { Plan } from '../plan/schema';
import { ADAPTERS } from '../sites/registry';

/**
 * A venue Tranche has no reader for still works for a picked site (its venue is the page's
 * host) and for TradingView charts, but a typo would silently mute the exchange's pages:
 * a warning, not an error (docs/decisions.md "Routing and venues").
 */
export function venueWarnings(plan: Plan): Problem[] {
  const { venue } = plan.instrument;
  const ids = ADAPTERS.map((adapter) => adapter.id);
  const isKnown = venue === 'any' || ids.some((id) => id === venue || id.startsWith(`${venue}-`));
  if (isKnown || /[.:]/.test(venue)) return [];
  return [
    {
      field: 'instrument.venue',
      message: `no site reader is called ${JSON.stringify(venue.slice(0, 40))} (${ids.filter((id) => id !== 'title').join(', ')} or "any"): only TradingView charts of ${plan.instrument.symbol} will feed this plan`,
    },
  ];
}
