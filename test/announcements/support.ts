import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import type { ReceivedMail } from '../features/smtp-sink.js';

export interface CalendarEntry {
  method: string;
  events: Array<{
    uid: string;
    sequence: number;
    start: Date;
    end: Date | null;
    status: string | null;
    summary: string;
    description: string | null;
  }>;
  text: string;
}

/** Reads an iCalendar document with ical.js (a real parser, not the generator's own). */
export function parseCalendar(text: string): CalendarEntry {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      const status = vevent.getFirstPropertyValue('status');
      return {
        uid: event.uid,
        sequence: event.sequence,
        start: event.startDate.toJSDate(),
        end: vevent.hasProperty('dtend') ? event.endDate.toJSDate() : null,
        status: status === null ? null : String(status),
        summary: event.summary,
        description: event.description || null,
      };
    }),
    text,
  };
}

/** The calendar attached to a received mail, parsed (the MIME with mailparser). */
export async function attachedCalendar(mail: ReceivedMail): Promise<CalendarEntry> {
  const parsed = await simpleParser(mail.raw);
  const attachment = parsed.attachments.find((part) => part.contentType === 'text/calendar');
  if (!attachment) throw new Error(`no calendar attached to "${mail.subject}"`);
  return parseCalendar(attachment.content.toString('utf8'));
}

/** The plain-text body of a received multipart mail. */
export async function mailText(mail: ReceivedMail): Promise<string> {
  return (await simpleParser(mail.raw)).text ?? '';
}
