/**
 * A data file's time (plan format, "CSV"): ISO 8601 — a date, or a date and time, UTC
 * unless it names `Z` or an offset (never the machine's zone) — or epoch seconds or
 * milliseconds, one kind per file. A date that is not in the calendar (2026-02-30) is no
 * time. Read field by field here rather than by `Date.parse`, which reads a time without a
 * zone in the machine's zone and rolls 30 February over to 2 March.
 */
export type TimeKind = 'ISO 8601' | 'epoch seconds' | 'epoch milliseconds';

export type TimeRead =
  | { readonly ok: true; readonly kind: TimeKind; readonly millis: number }
  | { readonly ok: false; readonly reason: 'not-a-time' | 'not-in-calendar' };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH = /^(\d{1,16})(?:\.(\d{1,9}))?$/;
/** Epoch seconds have at most 10 digits until the year 2286; milliseconds have 13 today. */
const MAX_SECONDS_DIGITS = 10;

export function readTime(label: string): TimeRead {
  const epoch = EPOCH.exec(label);
  if (epoch !== null) {
    const isSeconds = (epoch[1] ?? '').length <= MAX_SECONDS_DIGITS;
    const value = Number(label);
    return {
      ok: true,
      kind: isSeconds ? 'epoch seconds' : 'epoch milliseconds',
      millis: Math.round(isSeconds ? value * 1000 : value),
    };
  }
  const iso = ISO.exec(label);
  if (iso === null) return { ok: false, reason: 'not-a-time' };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) =>
    Number(iso[group] ?? 0),
  ) as [number, number, number, number, number, number];
  const fraction = Number(`0.${iso[7] ?? '0'}`);
  const offsetMinutes = zoneOffsetMinutes(iso[8]);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetMinutes === null
  ) {
    return { ok: false, reason: 'not-in-calendar' };
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor(fraction * 1000));
  return { ok: true, kind: 'ISO 8601', millis: date.getTime() - offsetMinutes * 60_000 };
}

/** `Z` or nothing: 0; `+05:30`, `-0800`, `+02`: the offset in minutes; an impossible offset: null. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
