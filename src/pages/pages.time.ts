import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import type { Language } from './pages.i18n.js';

const LOCALES = { en: enGB, nl };

/** A moment as people in the platform's time zone read it, e.g. "Friday 12 December 2025, 18:00 (CET)". */
export function formatInstant(instant: Date, zone: string, language: Language): string {
  return format(new TZDate(instant, zone), 'EEEE d MMMM yyyy, HH:mm (zzz)', {
    locale: LOCALES[language],
  });
}

/** A short form for tables, e.g. "12-12-2025 18:00". */
export function formatShort(instant: Date, zone: string): string {
  return format(new TZDate(instant, zone), 'dd-MM-yyyy HH:mm');
}

/** The value of an `<input type="datetime-local">` showing this moment in the zone. */
export function toLocalInput(instant: Date, zone: string): string {
  return format(new TZDate(instant, zone), "yyyy-MM-dd'T'HH:mm");
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The wall-clock time typed in the zone as RFC 3339 with that zone's offset at that moment (DST-correct),
 * or undefined when it is not a complete local date-time. The API then judges the instant itself.
 */
export function fromLocalInput(value: string, zone: string): string | undefined {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const zoned = new TZDate(year, month - 1, day, hour, minute, second, zone);
  if (Number.isNaN(zoned.getTime())) return undefined;
  return format(zoned, "yyyy-MM-dd'T'HH:mm:ssXXX");
}
