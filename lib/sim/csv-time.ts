/**
 * A data file's time (README, "Command line": CSV data): ISO 8601 — a date, or a date and time, UTC
 * unless it names `Z` or an offset (never the machine's zone) — or epoch seconds or
 * milliseconds, one kind per file. A date that is not in the calendar (2026-02-30) is no
 * time. Read character by character here rather than by `Date.parse`, which reads a time
 * without a zone in the machine's zone and rolls 30 February over to 2 March; and every
 * row of a file of millions goes through it.
 */
export type TimeKind = 'ISO 8601' | 'epoch seconds' | 'epoch milliseconds';

export type TimeRead =
  | { readonly ok: true; readonly kind: TimeKind; readonly millis: number }
  | { readonly ok: false; readonly reason: 'not-a-time' | 'not-in-calendar' };

const NOT_A_TIME: TimeRead = { ok: false, reason: 'not-a-time' };
const NOT_IN_CALENDAR: TimeRead = { ok: false, reason: 'not-in-calendar' };
const EPOCH = /^(\d{1,15})(?:\.\d{1,9})?$/;
/** Epoch seconds have at most 10 digits until the year 2286; milliseconds have 13 today. */
const MAX_SECONDS_DIGITS = 10;

export function readTime(label: string): TimeRead {
  if (label.charCodeAt(4) === DASH) return readIso(label);
  const epoch = EPOCH.exec(label);
  if (epoch === null) return NOT_A_TIME;
  const isSeconds = (epoch[1] ?? '').length <= MAX_SECONDS_DIGITS;
  const value = Number(label);
  return {
    ok: true,
    kind: isSeconds ? 'epoch seconds' : 'epoch milliseconds',
    millis: Math.round(isSeconds ? value * 1000 : value),
  };
}

const DASH = 45;
/** `+05:30`, `-0800`, `+02`: a zone's offset from UTC. */
const ZONE = /^([+-])(\d{2})(?::?(\d{2}))?$/;
const COLON = 58;

/** The value of `count` digits at `at`, or −1 when any is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DD`, then optionally `THH:MM[:SS[.fraction]]` (or a space for `T`) and `Z` or `±HH[:MM]`. */
function readIso(text: string): TimeRead {
  const year = digits(text, 0, 4);
  const month = text.charCodeAt(7) === DASH ? digits(text, 5, 2) : -1;
  const day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return NOT_A_TIME;
  let at = 10;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let zone: RegExpExecArray | null = null;
  if (at < text.length) {
    const separator = text[at];
    if ((separator !== 'T' && separator !== ' ') || text.charCodeAt(at + 3) !== COLON) return NOT_A_TIME;
    hour = digits(text, at + 1, 2);
    minute = digits(text, at + 4, 2);
    at += 6;
    if (text.charCodeAt(at) === COLON) {
      second = digits(text, at + 1, 2);
      at += 3;
      if (text[at] === '.' || text[at] === ',') {
        const start = (at += 1);
        while (at < text.length && digits(text, at, 1) >= 0) at += 1;
        if (at === start) return NOT_A_TIME;
        millis = Math.floor(Number(`0.${text.slice(start, at)}`) * 1000);
      }
    }
    if (hour < 0 || minute < 0 || second < 0) return NOT_A_TIME;
    const rest = text.slice(at);
    if (rest !== '' && rest !== 'Z') {
      zone = ZONE.exec(rest);
      if (zone === null) return NOT_A_TIME;
    }
  }
  const zoneHours = Number(zone?.[2] ?? 0);
  const zoneMinutes = Number(zone?.[3] ?? 0);
  const isInCalendar =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHours <= 23 &&
    zoneMinutes <= 59;
  if (!isInCalendar) return NOT_IN_CALENDAR;
  const offsetMinutes = (zone?.[1] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  const minutes = (daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes;
  return { ok: true, kind: 'ISO 8601', millis: (minutes * 60 + second) * 1000 + millis };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
