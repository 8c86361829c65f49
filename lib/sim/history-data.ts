import type { CandleRow, PriceData, TickRow } from './csv';

/** The tick history's rows as the background sends them: the last price of each second, or one-minute candles. */
export type HistoryInput =
  | { readonly kind: 'ticks'; readonly ticks: readonly { time: number; price: string }[] }
  | {
      readonly kind: 'candles';
      readonly candles: readonly { time: number; open: string; high: string; low: string; close: string }[];
    };

/**
 * The prices the extension recorded, as the simulator reads a CSV: each row numbered from
 * 1 and labelled with its UTC time (ISO 8601), so the fills name the moment they happened.
 */
export function historyPriceData(history: HistoryInput): PriceData {
  const label = (time: number) => new Date(time).toISOString();
  if (history.kind === 'ticks') {
    return {
      kind: 'ticks',
      rows: history.ticks.map((tick, index): TickRow => ({
        kind: 'tick',
        line: index + 1,
        time: tick.time,
        label: label(tick.time),
        price: tick.price,
      })),
    };
  }
  return {
    kind: 'candles',
    rows: history.candles.map((candle, index): CandleRow => ({
      kind: 'candle',
      line: index + 1,
      label: label(candle.time),
      ...candle,
    })),
  };
}
