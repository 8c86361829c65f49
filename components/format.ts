import { Decimal } from '../lib/decimal';
import { fixedAtStep, formatAtStep, formatUpTo } from '../lib/format';
import type { DivergenceView } from '../lib/worker/view';

/**
 * Every number the screens show goes through here: prices at the instrument's tick
 * precision, quantities at its lot precision, money and ratios at two decimals.
 */
export function price(value: string | null, tickSize: string): string {
  return value === null ? '—' : formatAtStep(value, tickSize);
}

/** The two prices a page shows that disagree: "title 61,293.4 vs order book 61,020.0". */
export function divergence({ first, second }: DivergenceView, tickSize: string): string {
  return `${first.place} ${price(first.price, tickSize)} vs ${second.place} ${price(second.price, tickSize)}`;
}

export function qty(value: string | null, lotStep: string): string {
  return value === null ? '—' : formatAtStep(value, lotStep);
}

/** A suggested price or quantity in an input field: the step's precision, no thousands separators. */
export function field(value: string, step: string): string {
  return fixedAtStep(value, step);
}

export function money(value: string | null): string {
  return value === null ? '—' : formatUpTo(value, 2);
}

export function percent(value: string | null): string {
  return value === null ? '—' : `${value}%`;
}

/** How far a level is: "0.83% · 0.42 ATR", or the percentage alone without an ATR. */
export function distance(distancePercent: string | null, distanceAtr: string | null): string {
  if (distancePercent === null) return '—';
  return distanceAtr === null ? percent(distancePercent) : `${percent(distancePercent)} · ${distanceAtr} ATR`;
}

/** Bytes as "12.3 kB", "4.8 MB". */
export function bytes(value: number): string {
  if (value < 1000) return `${value} B`;
  if (value < 1_000_000) return `${(value / 1000).toFixed(1)} kB`;
  return `${(value / 1_000_000).toFixed(1)} MB`;
}

/** A date and time as the trader's browser writes them ("05/12/2026, 14:05"). */
export function dateTime(epochMillis: number): string {
  return new Date(epochMillis).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** A time of day as the trader's browser writes it ("14:05:09"). */
export function time(epochMillis: number): string {
  return new Date(epochMillis).toLocaleTimeString();
}

export function rMultiple(value: string | null): string {
  return value === null ? '—' : `${value}R`;
}

/** "45s", "3m", "2h". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  return `${Math.floor(seconds / 3600)}h`;
}

/** How old a price was when it was read (the quick plan's page price, a snapshot). */
export function age(seconds: number): string {
  return `${duration(seconds)} ago`;
}

/** An average price: the tick's precision plus two places, trailing zeros dropped ("101.875"). */
export function average(value: string | null, tickSize: string): string {
  if (value === null) return '—';
  return formatUpTo(value, new Decimal(tickSize).decimalPlaces() + 2);
}

/** A percentage computed by Tranche ("1.92%"), at most two decimals. */
export function share(value: string | null): string {
  return value === null ? '—' : `${formatUpTo(value, 2)}%`;
}

/** An R multiple computed by Tranche ("0.7R"), at most two decimals. */
export function r(value: string | null): string {
  return value === null ? '—' : `${formatUpTo(value, 2)}R`;
}

/** A chart's axis value (a float the chart computed) at a step's precision. */
export function axis(value: number, step: string): string {
  return Number.isFinite(value) ? formatAtStep(new Decimal(value).toFixed(), step) : '';
}
