import { normalizeSymbol } from '../sites/symbol';

/**
 * Tick size, lot step and exchange minimums of the common instruments, per venue id of
 * lib/sites (the plan's `instrument.venue`), keyed by the normalized symbol the venue's
 * pages report (`BTCUSDT`, OKX's swap `BTC-USDT-SWAP` as `BTCUSDTSWAP`).
 *
 * Source: the exchanges' public instrument specifications — Binance `/api/v3/exchangeInfo`
 * (PRICE_FILTER tickSize, LOT_SIZE stepSize and minQty, NOTIONAL minNotional) and
 * `/fapi/v1/exchangeInfo` (the same filters, MIN_NOTIONAL notional), Bybit
 * `/v5/market/instruments-info?category=linear` (tickSize, qtyStep, minOrderQty,
 * minNotionalValue), OKX `/api/v5/public/instruments` (tickSz, lotSz, minSz, ctVal), Coinbase
 * `/products` (quote_increment, base_increment, base_min_size, quote_min_size) and Kraken
 * `/0/public/AssetPairs` (pair_decimals, lot_decimals, ordermin, costmin).
 * Compiled 2026-12-05 from those specifications as published and quoted in public code,
 * without network access. Exchanges change these values (a tick widens after a big move,
 * a minimum notional is raised): check a value against the exchange before relying on it.
 * Every value is editable in the plan.
 */
export const INSTRUMENT_TABLE_DATE = '2026-12-05';

/** What an order on this instrument must respect; amounts are decimal strings. */
export interface InstrumentSpec {
  /** Prices are multiples of this. */
  readonly tickSize: string;
  /** Quantities are multiples of this. */
  readonly lotStep: string;
  readonly minQty?: string;
  /** In quote currency: qty × price × pointValue. */
  readonly minNotional?: string;
  /** Base units per 1 of quantity, where quantities are contracts (OKX swaps' ctVal). */
  readonly pointValue?: string;
}

/** symbol, tickSize, lotStep, minQty, minNotional, pointValue: one instrument a line. */
type Row = readonly [string, string, string, string?, string?, string?];

function specs(rows: readonly Row[]): ReadonlyMap<string, InstrumentSpec> {
  return new Map(
    rows.map(([symbol, tickSize, lotStep, minQty, minNotional, pointValue]) => [
      symbol,
      {
        tickSize,
        lotStep,
        ...(minQty === undefined ? {} : { minQty }),
        ...(minNotional === undefined ? {} : { minNotional }),
        ...(pointValue === undefined ? {} : { pointValue }),
      },
    ]),
  );
}

/** Binance spot: minimum order value 5 USDT on the USDT pairs. */
const BINANCE_SPOT: readonly Row[] = [
  ['BTCUSDT', '0.01', '0.00001', '0.00001', '5'],
  ['ETHUSDT', '0.01', '0.0001', '0.0001', '5'],
  ['BNBUSDT', '0.01', '0.001', '0.001', '5'],
  ['SOLUSDT', '0.01', '0.001', '0.001', '5'],
  ['XRPUSDT', '0.0001', '0.1', '0.1', '5'],
  ['DOGEUSDT', '0.00001', '1', '1', '5'],
  ['ADAUSDT', '0.0001', '0.1', '0.1', '5'],
  ['TRXUSDT', '0.0001', '0.1', '0.1', '5'],
  ['LINKUSDT', '0.01', '0.01', '0.01', '5'],
  ['DOTUSDT', '0.001', '0.01', '0.01', '5'],
  ['LTCUSDT', '0.01', '0.001', '0.001', '5'],
  ['AVAXUSDT', '0.01', '0.01', '0.01', '5'],
  ['BCHUSDT', '0.1', '0.001', '0.001', '5'],
  ['SHIBUSDT', '0.00000001', '1', '1', '5'],
  ['PEPEUSDT', '0.00000001', '1', '1', '5'],
  ['TONUSDT', '0.001', '0.01', '0.01', '5'],
  ['SUIUSDT', '0.0001', '0.1', '0.1', '5'],
  ['NEARUSDT', '0.001', '0.1', '0.1', '5'],
  ['APTUSDT', '0.001', '0.01', '0.01', '5'],
  ['ARBUSDT', '0.0001', '0.1', '0.1', '5'],
  ['OPUSDT', '0.001', '0.01', '0.01', '5'],
  ['UNIUSDT', '0.001', '0.01', '0.01', '5'],
  ['ATOMUSDT', '0.001', '0.01', '0.01', '5'],
  ['FILUSDT', '0.001', '0.01', '0.01', '5'],
  ['ETCUSDT', '0.01', '0.01', '0.01', '5'],
  ['XLMUSDT', '0.0001', '1', '1', '5'],
  ['WIFUSDT', '0.001', '0.01', '0.01', '5'],
  ['INJUSDT', '0.01', '0.01', '0.01', '5'],
  ['BTCFDUSD', '0.01', '0.00001', '0.00001', '5'],
  ['ETHBTC', '0.00001', '0.0001', '0.0001', '0.0001'],
];

/** Binance USDⓈ-M perpetuals: 100 USDT minimum notional on BTC, 20 on ETH, 5 elsewhere. */
const BINANCE_FUTURES: readonly Row[] = [
  ['BTCUSDT', '0.1', '0.001', '0.001', '100'],
  ['ETHUSDT', '0.01', '0.001', '0.001', '20'],
  ['BNBUSDT', '0.01', '0.01', '0.01', '5'],
  ['SOLUSDT', '0.01', '0.01', '0.01', '5'],
  ['XRPUSDT', '0.0001', '0.1', '0.1', '5'],
  ['DOGEUSDT', '0.00001', '1', '1', '5'],
  ['ADAUSDT', '0.0001', '1', '1', '5'],
  ['TRXUSDT', '0.00001', '1', '1', '5'],
  ['LINKUSDT', '0.001', '0.01', '0.01', '5'],
  ['DOTUSDT', '0.001', '0.1', '0.1', '5'],
  ['LTCUSDT', '0.01', '0.001', '0.001', '5'],
  ['AVAXUSDT', '0.001', '1', '1', '5'],
  ['BCHUSDT', '0.01', '0.001', '0.001', '5'],
  ['1000SHIBUSDT', '0.000001', '1', '1', '5'],
  ['1000PEPEUSDT', '0.0000001', '1', '1', '5'],
  ['TONUSDT', '0.0001', '0.1', '0.1', '5'],
  ['SUIUSDT', '0.0001', '0.1', '0.1', '5'],
  ['NEARUSDT', '0.001', '1', '1', '5'],
  ['APTUSDT', '0.0001', '0.1', '0.1', '5'],
  ['ARBUSDT', '0.0001', '0.1', '0.1', '5'],
  ['OPUSDT', '0.0001', '0.1', '0.1', '5'],
  ['UNIUSDT', '0.001', '1', '1', '5'],
  ['ATOMUSDT', '0.001', '0.01', '0.01', '5'],
  ['FILUSDT', '0.001', '0.1', '0.1', '5'],
  ['ETCUSDT', '0.001', '0.01', '0.01', '5'],
  ['XLMUSDT', '0.00001', '1', '1', '5'],
  ['WIFUSDT', '0.0001', '0.1', '0.1', '5'],
  ['INJUSDT', '0.001', '0.1', '0.1', '5'],
  ['BTCUSDC', '0.1', '0.001', '0.001', '100'],
  ['ETHUSDC', '0.01', '0.001', '0.001', '20'],
];

/**
 * Bybit USDT perpetuals (`/trade/usdt/…`), the pages signals are traded on. Bybit's spot
 * pages report the same symbols with finer lot steps: edit the lot step for a spot plan.
 */
const BYBIT: readonly Row[] = [
  ['BTCUSDT', '0.1', '0.001', '0.001', '5'],
  ['ETHUSDT', '0.01', '0.01', '0.01', '5'],
  ['SOLUSDT', '0.01', '0.1', '0.1', '5'],
  ['XRPUSDT', '0.0001', '1', '1', '5'],
  ['DOGEUSDT', '0.00001', '1', '1', '5'],
  ['BNBUSDT', '0.1', '0.01', '0.01', '5'],
  ['ADAUSDT', '0.0001', '1', '1', '5'],
  ['TRXUSDT', '0.00001', '1', '1', '5'],
  ['LINKUSDT', '0.001', '0.1', '0.1', '5'],
  ['DOTUSDT', '0.001', '0.1', '0.1', '5'],
  ['LTCUSDT', '0.01', '0.1', '0.1', '5'],
  ['AVAXUSDT', '0.001', '0.1', '0.1', '5'],
  ['BCHUSDT', '0.05', '0.01', '0.01', '5'],
  ['SHIB1000USDT', '0.000001', '100', '100', '5'],
  ['1000PEPEUSDT', '0.0000001', '100', '100', '5'],
  ['TONUSDT', '0.0001', '0.1', '0.1', '5'],
  ['SUIUSDT', '0.0001', '10', '10', '5'],
  ['NEARUSDT', '0.001', '0.1', '0.1', '5'],
  ['APTUSDT', '0.0001', '0.01', '0.01', '5'],
  ['ARBUSDT', '0.0001', '0.1', '0.1', '5'],
  ['OPUSDT', '0.0001', '0.1', '0.1', '5'],
  ['ETCUSDT', '0.001', '0.1', '0.1', '5'],
  ['WIFUSDT', '0.0001', '1', '1', '5'],
  ['INJUSDT', '0.001', '0.1', '0.1', '5'],
];

/**
 * OKX spot (`/trade-spot/btc-usdt`, quantities in the base coin) and USDT swaps
 * (`/trade-swap/btc-usdt-swap`), whose quantities are contracts of ctVal coins each: the
 * point value is that contract size, so risk and P&L come out in USDT.
 */
const OKX: readonly Row[] = [
  ['BTCUSDT', '0.1', '0.00000001', '0.00001'],
  ['ETHUSDT', '0.01', '0.000001', '0.0001'],
  ['SOLUSDT', '0.01', '0.000001', '0.001'],
  ['XRPUSDT', '0.0001', '0.000001', '0.1'],
  ['DOGEUSDT', '0.00001', '0.000001', '10'],
  ['ADAUSDT', '0.0001', '0.000001', '1'],
  ['LTCUSDT', '0.01', '0.000001', '0.001'],
  ['LINKUSDT', '0.001', '0.000001', '0.01'],
  ['TONUSDT', '0.001', '0.000001', '0.1'],
  ['OKBUSDT', '0.01', '0.000001', '0.01'],
  ['BTCUSDTSWAP', '0.1', '0.01', '0.01', undefined, '0.01'],
  ['ETHUSDTSWAP', '0.01', '0.01', '0.01', undefined, '0.1'],
  ['SOLUSDTSWAP', '0.01', '0.01', '0.01', undefined, '1'],
  ['XRPUSDTSWAP', '0.0001', '0.01', '0.01', undefined, '100'],
  ['DOGEUSDTSWAP', '0.00001', '0.01', '0.01', undefined, '1000'],
  ['LTCUSDTSWAP', '0.01', '0.01', '0.01', undefined, '1'],
];

/** Coinbase Advanced spot (`BTC-USD`): orders from 1 USD. */
const COINBASE: readonly Row[] = [
  ['BTCUSD', '0.01', '0.00000001', '0.00000001', '1'],
  ['ETHUSD', '0.01', '0.00000001', '0.00000001', '1'],
  ['SOLUSD', '0.01', '0.00000001', '0.00000001', '1'],
  ['XRPUSD', '0.0001', '0.000001', '0.000001', '1'],
  ['DOGEUSD', '0.00001', '0.1', '0.1', '1'],
  ['ADAUSD', '0.0001', '0.00000001', '0.00000001', '1'],
  ['LTCUSD', '0.01', '0.00000001', '0.00000001', '1'],
  ['LINKUSD', '0.001', '0.01', '0.01', '1'],
  ['AVAXUSD', '0.01', '0.00000001', '0.00000001', '1'],
  ['DOTUSD', '0.001', '0.00000001', '0.00000001', '1'],
  ['SHIBUSD', '0.00000001', '1', '1', '1'],
  ['BCHUSD', '0.01', '0.00000001', '0.00000001', '1'],
  ['BTCUSDT', '0.01', '0.00000001', '0.00000001', '1'],
  ['ETHUSDT', '0.01', '0.00000001', '0.00000001', '1'],
];

/** Kraken Pro spot (`btc-usd`): lots of 1e-8, minimum order values of 0.5 USD. */
const KRAKEN: readonly Row[] = [
  ['BTCUSD', '0.1', '0.00000001', '0.00005', '0.5'],
  ['ETHUSD', '0.01', '0.00000001', '0.002', '0.5'],
  ['SOLUSD', '0.01', '0.00000001', '0.02', '0.5'],
  ['XRPUSD', '0.00001', '0.00000001', '2', '0.5'],
  ['DOGEUSD', '0.0000001', '0.00000001', '15', '0.5'],
  ['ADAUSD', '0.000001', '0.00000001', '5', '0.5'],
  ['LTCUSD', '0.01', '0.00000001', '0.05', '0.5'],
  ['DOTUSD', '0.0001', '0.00000001', '0.5', '0.5'],
  ['LINKUSD', '0.00001', '0.00000001', '0.2', '0.5'],
  ['BTCUSDT', '0.1', '0.00000001', '0.00005', '0.5'],
  ['ETHUSDT', '0.01', '0.00000001', '0.002', '0.5'],
  ['BTCEUR', '0.1', '0.00000001', '0.00005', '0.5'],
];

/** Per venue id (lib/sites adapter ids): the instruments Tranche knows without asking. */
export const INSTRUMENT_TABLE: ReadonlyMap<string, ReadonlyMap<string, InstrumentSpec>> = new Map([
  ['binance-spot', specs(BINANCE_SPOT)],
  ['binance-futures', specs(BINANCE_FUTURES)],
  ['bybit', specs(BYBIT)],
  ['okx', specs(OKX)],
  ['coinbase', specs(COINBASE)],
  ['kraken', specs(KRAKEN)],
]);

/**
 * The table's values for a symbol on a venue (`BTC/USDT`, `BTC-USDT` and `BTCUSDT` are one
 * symbol), or undefined when the venue is a family (`binance`), `any`, or the instrument is
 * not in the table: then the caller falls back to what the page or the text shows.
 */
export function findInstrument(venue: string, symbol: string): InstrumentSpec | undefined {
  return INSTRUMENT_TABLE.get(venue)?.get(normalizeSymbol(symbol));
}
