import { Decimal } from './decimal';

/**
 * Numbers as a trader reads them, in one place: prices at the instrument's tick precision,
 * quantities at its lot precision, thousands grouped ("61,250.0").
 */
export function formatAtStep(value: string, step: string): string {
  const places = new Decimal(step).decimalPlaces();
  return groupThousands(new Decimal(value).toFixed(places));
}

/**
 * At the step's precision without grouping, as a trader types it into a field ("61000.0");
 * a value finer than the step (a fill between ticks) keeps every digit, never rounded.
 */
export function fixedAtStep(value: string, step: string): string {
  const decimal = new Decimal(value);
  return decimal.toFixed(Math.max(new Decimal(step).decimalPlaces(), decimal.decimalPlaces()));
}

/** At most `places` decimals, trailing zeros dropped: for averages, R multiples and ATR. */
export function formatUpTo(value: string, places: number): string {
  return groupThousands(new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed());
}

function groupThousands(fixed: string): string {
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}
