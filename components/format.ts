import { formatAtStep, formatUpTo } from '../lib/format';

/**
 * Every number the screens show goes through here: prices at the instrument's tick
 * precision, quantities at its lot precision, money and ratios at two decimals.
 */
export function price(value: string | null, tickSize: string): string {
  return value === null ? '—' : formatAtStep(value, tickSize);
}

export function qty(value: string | null, lotStep: string): string {
  return value === null ? '—' : formatAtStep(value, lotStep);
}

export function money(value: string | null): string {
  return value === null ? '—' : formatUpTo(value, 2);
}

export function percent(value: string | null): string {
  return value === null ? '—' : `${value}%`;
}

export function rMultiple(value: string | null): string {
  return value === null ? '—' : `${value}R`;
}

export function age(seconds: number): string {
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  return `${Math.floor(seconds / 3600)}h ago`;
}
