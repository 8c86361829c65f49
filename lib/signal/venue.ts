import { phraseFinder, spokenFinder } from './phrases';
import { EXCHANGE_WORDS, FUTURES_WORDS, SPOT_WORDS } from './vocabulary';

/** Perpetual futures or spot, when the signal says or shows which. */
export type Market = 'futures' | 'spot';

export interface VenueReading {
  /** A lib/sites venue id (`binance-futures`), a family (`binance`), or `any`. */
  readonly venue: string;
  readonly market: Market | undefined;
}

const exchanges = phraseFinder(
  Object.entries(EXCHANGE_WORDS).flatMap(([family, words]) =>
    words.split('|').map((phrase) => ({ phrase, info: family })),
  ),
  (a) => a,
);
const futuresWords = spokenFinder(FUTURES_WORDS);
const spotWords = spokenFinder(SPOT_WORDS);

/** The venue ids of Tranche's site readers for the exchange families it knows. */
const VENUES: Readonly<Record<string, (market: Market | undefined) => string>> = {
  binance: (market) =>
    market === 'futures' ? 'binance-futures' : market === 'spot' ? 'binance-spot' : 'binance',
  bybit: () => 'bybit',
  okx: () => 'okx',
  coinbase: () => 'coinbase',
  kraken: () => 'kraken',
};

/**
 * Where the signal trades. The market is futures when the text says so, shows a leverage
 * or a perpetual symbol (`.P`, `PERP`); spot when it says spot and shows none of those.
 * The venue is the one exchange named, `any` when none or several are (a plan for `any`
 * listens to every page of its symbol).
 */
export function readVenue(
  lines: readonly string[],
  evidence: { readonly hasLeverage: boolean; readonly isPerpetual: boolean },
): VenueReading {
  const families = new Set(lines.flatMap((line) => exchanges(line).map((hit) => hit.info)));
  const saysFutures = lines.some((line) => futuresWords(line).length > 0);
  const saysSpot = lines.some((line) => spotWords(line).length > 0);
  const isFutures = saysFutures || evidence.hasLeverage || evidence.isPerpetual;
  const market: Market | undefined =
    saysSpot && !evidence.hasLeverage && !evidence.isPerpetual ? 'spot' : isFutures ? 'futures' : undefined;
  const [family] = families;
  const venueOf = families.size === 1 && family !== undefined ? VENUES[family] : undefined;
  return { venue: venueOf ? venueOf(market) : 'any', market };
}
