/** Durations (`--valid-for 90d`, `P1Y`), instants (`--now 2027-01-01`) and "in N days". */
import { MAX_VALIDITY_DAYS } from '../core/index.js';
import { UsageError } from './errors.js';

export const DAY_MS = 86_400_000;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const SHORT = /^(\d+)\s*([dwmy])$/i;
const ISO = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/i;

/** Parses `90d`, `12w`, `6m`, `1y` or an ISO 8601 duration in whole days, weeks, months, years (`P90D`, `P1Y6M`). */
export function parseDuration(text: string): Duration | undefined {
  const s = text.trim();
  const short = SHORT.exec(s);
  if (short) {
    const n = Number(short[1]);
    const unit = short[2]!.toLowerCase();
    return { years: unit === 'y' ? n : 0, months: unit === 'm' ? n : 0, weeks: unit === 'w' ? n : 0, days: unit === 'd' ? n : 0 };
  }
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, m, w, d] = iso;
    return { years: Number(y ?? 0), months: Number(m ?? 0), weeks: Number(w ?? 0), days: Number(d ?? 0) };
  }
  return undefined;
}

/** Adds calendar months, keeping the day of month where it exists (Jan 31 + 1 month = Feb 28/29). */
function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

export function addDuration(start: Date, duration: Duration): Date {
  const withMonths = addMonths(start, duration.years * 12 + duration.months);
  return new Date(withMonths.getTime() + (duration.weeks * 7 + duration.days) * DAY_MS);
}

/** `issued` and `expires` for `--valid-for`, refusing empty or over-long periods. */
export function validityPeriod(text: string, now: Date): { issued: Date; expires: Date } {
  const duration = parseDuration(text);
  if (!duration) {
    throw new UsageError(`--valid-for '${text}' is not a duration: write e.g. 90d, 12w, 6m, 1y or P90D`);
  }
  const issued = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const expires = addDuration(issued, duration);
  const days = (expires.getTime() - issued.getTime()) / DAY_MS;
  if (days <= 0) throw new UsageError(`--valid-for '${text}' is empty: the document would expire as it is issued`);
  if (days > MAX_VALIDITY_DAYS) {
    throw new UsageError(
      `--valid-for '${text}' is ${Math.round(days)} days; a document may be valid for at most ${MAX_VALIDITY_DAYS} days`,
    );
  }
  return { issued, expires };
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/i;

/** Parses `--now`: a date (`2027-01-01`, midnight UTC) or a date-time with a time zone. */
export function parseInstant(text: string, option = '--now'): Date {
  const ms = INSTANT.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new UsageError(`${option} '${text}' is not a date: write 2027-01-01 or 2027-01-01T12:00:00Z`);
  }
  return new Date(ms);
}

/** An RFC 3339 timestamp to the second: `2026-05-24T09:00:00Z`. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** "in 30 days", "in 5 hours", "expired 3 days ago". */
export function relativeExpiry(expires: Date, now: Date): { expired: boolean; text: string; daysLeft: number } {
  const ms = expires.getTime() - now.getTime();
  const daysLeft = Math.floor(ms / DAY_MS);
  const amount = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const span = (abs: number) =>
    abs >= DAY_MS
      ? amount(Math.round(abs / DAY_MS), 'day')
      : abs >= 3_600_000
        ? amount(Math.floor(abs / 3_600_000), 'hour')
        : amount(Math.max(1, Math.floor(abs / 60_000)), 'minute');
  if (ms <= 0) return { expired: true, text: `expired ${span(-ms)} ago`, daysLeft };
  return { expired: false, text: `expires in ${span(ms)}`, daysLeft };
}
