/** R2: the start must be at least this far after the server's current time. */
export const MIN_LEAD_MINUTES = 10;
export const MIN_LEAD_MS = MIN_LEAD_MINUTES * 60_000;

/** The longest message (R5's setting). */
export const MAX_MESSAGE_LENGTH = 500;

/** The UTC years an instant may fall in: every one of them prints as a four-digit RFC 3339 year, so what the API returns reads back. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 9999;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Why a value is not an acceptable instant. */
export type InstantProblem = 'format' | 'range';

/**
 * Reads an RFC 3339 date-time that carries a UTC offset (Z or ±hh:mm; seconds may be left out) and
 * whose UTC year is FIRST_YEAR–LAST_YEAR. Impossible dates such as February 30 are a format problem.
 */
export function readInstant(value: string): Date | InstantProblem {
  const match = RFC3339.exec(value);
  if (!match) return 'format';
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map((part) => Number(part ?? '0'));
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  local.setUTCFullYear(y);
  if (
    local.getUTCFullYear() !== y ||
    local.getUTCMonth() !== mo - 1 ||
    local.getUTCDate() !== d ||
    local.getUTCHours() !== h ||
    local.getUTCMinutes() !== mi ||
    local.getUTCSeconds() !== s
  ) {
    return 'format';
  }
  const offset = match[8].toUpperCase() === 'Z' ? 0 : offsetMs(match[8]);
  if (offset === null) return 'format';
  const fraction = match[7] ? Math.floor(Number(match[7]) * 1000) : 0;
  const instant = new Date(local.getTime() + fraction - offset);
  const year = instant.getUTCFullYear();
  return year < FIRST_YEAR || year > LAST_YEAR ? 'range' : instant;
}

/** ±hh:mm in milliseconds, or null when it is no valid offset. */
function offsetMs(offset: string): number | null {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hours, minutes] = offset.slice(1).split(':').map(Number);
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** The instant, or null when readInstant finds any problem. */
export function parseRfc3339(value: string): Date | null {
  const instant = readInstant(value);
  return instant instanceof Date ? instant : null;
}

/** The earliest start R2 accepts now. */
export function earliestStart(now: Date): Date {
  return new Date(now.getTime() + MIN_LEAD_MS);
}

/** R2: a start is acceptable when it is at least MIN_LEAD_MS after now; there is no upper limit. */
export function isStartFarEnough(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() >= earliestStart(now).getTime();
}
