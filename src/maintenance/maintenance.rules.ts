/** R2: the start must be at least this far after the server's current time. */
export const MIN_LEAD_MINUTES = 10;
export const MIN_LEAD_MS = MIN_LEAD_MINUTES * 60_000;

/** The longest message (SPEC §5). */
export const MAX_MESSAGE_LENGTH = 500;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 date-time that carries a UTC offset (Z or ±hh:mm); seconds may be left out.
 * Returns null for anything else, including impossible dates such as February 30.
 */
export function parseRfc3339(value: string): Date | null {
  const match = RFC3339.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0'] = match.map((part) => part ?? undefined);
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number);
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (
    local.getUTCFullYear() !== y ||
    local.getUTCMonth() !== mo - 1 ||
    local.getUTCDate() !== d ||
    local.getUTCHours() !== h ||
    local.getUTCMinutes() !== mi ||
    local.getUTCSeconds() !== s
  ) {
    return null;
  }
  const parsed = new Date(value.toUpperCase());
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The earliest start R2 accepts now. */
export function earliestStart(now: Date): Date {
  return new Date(now.getTime() + MIN_LEAD_MS);
}

/** R2: a start is acceptable when it is at least MIN_LEAD_MS after now; there is no upper limit. */
export function isStartFarEnough(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() >= earliestStart(now).getTime();
}
