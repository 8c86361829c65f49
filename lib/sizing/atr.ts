import { Decimal } from '../decimal';

/** One completed candle's prices, as decimals. */
export interface Bar {
  readonly high: Decimal;
  readonly low: Decimal;
  readonly close: Decimal;
}

/**
 * Wilder's Average True Range, fed one completed bar at a time (plan format, `volatility`).
 * TR = max(H − L, |H − previous close|, |L − previous close|), H − L on the first bar;
 * the first ATR is the mean of the first `period` TRs, then
 * ATR = (previous ATR × (period − 1) + TR) / period.
 */
export class WilderAtr {
  private previousClose: Decimal | null = null;
  private seedSum = new Decimal(0);
  private count = 0;
  private current: Decimal | null = null;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1)
      throw new RangeError(`ATR period must be a whole number ≥ 1, not ${period}`);
  }

  /** Bars seen so far. */
  get bars(): number {
    return this.count;
  }

  /** The ATR after the bars seen so far, or null before `period` bars. */
  get value(): Decimal | null {
    return this.current;
  }

  add(bar: Bar): void {
    const range = bar.high.minus(bar.low);
    const trueRange =
      this.previousClose === null
        ? range
        : Decimal.max(
            range,
            bar.high.minus(this.previousClose).abs(),
            bar.low.minus(this.previousClose).abs(),
          );
    this.previousClose = bar.close;
    this.count += 1;
    if (this.count < this.period) {
      this.seedSum = this.seedSum.plus(trueRange);
    } else if (this.count === this.period) {
      this.current = this.seedSum.plus(trueRange).div(this.period);
    } else if (this.current !== null) {
      this.current = this.current
        .mul(this.period - 1)
        .plus(trueRange)
        .div(this.period);
    }
  }
}

/** ATR of a whole series, or null when it has fewer than `period` bars. */
export function wilderAtr(bars: readonly Bar[], period: number): Decimal | null {
  const atr = new WilderAtr(period);
  for (const bar of bars) atr.add(bar);
  return atr.value;
}
