import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language } from '../common/language.js';
import type { AnnouncementMethod } from './announcement.rules.js';

/** A maintenance window as announced: what an iCalendar event needs, and nothing personal. */
export interface AnnouncedWindow {
  windowId: string;
  startsAt: Date;
  expectedEndAt: Date | null;
  message: string | null;
  /** Raised on every change of the window, so calendars replace the older copy. */
  sequence: number;
  /** When this version of the window was made (DTSTAMP); stable, so the feed's ETag is too. */
  changedAt: Date;
}

const SUMMARY: Record<Language, string> = {
  en: 'Maintenance: the staffing platform is unavailable',
  nl: 'Onderhoud: het staffing platform is niet beschikbaar',
};

/** One UID per window, on the platform's host name (RFC 5545 wants it globally unique). */
export function windowUid(windowId: string, publicUrl: string): string {
  return `maintenance-${windowId}@${new URL(publicUrl).hostname}`;
}

/**
 * An iCalendar document: PUBLISH with the window's event (or none, for a feed without a window),
 * or CANCEL with the cancelled event. Times are UTC; calendars show them in their own zone.
 */
export function windowCalendar(
  window: AnnouncedWindow | null,
  method: AnnouncementMethod,
  publicUrl: string,
  language: Language,
): string {
  const calendar = ical({
    prodId: {
      company: 'staffing-platform',
      product: 'maintenance',
      language: language.toUpperCase(),
    },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    name: SUMMARY[language],
  });
  if (window) {
    calendar.createEvent({
      id: windowUid(window.windowId, publicUrl),
      sequence: window.sequence,
      stamp: window.changedAt,
      start: window.startsAt,
      end: window.expectedEndAt,
      summary: SUMMARY[language],
      description: window.message,
      url: new URL('/maintenance', publicUrl).toString(),
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
