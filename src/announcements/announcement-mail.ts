import type { Language } from '../common/language.js';
import type { OutgoingMail } from '../mail/mailer.js';
import { formatInstant } from '../pages/pages.time.js';
import { windowCalendar, type AnnouncedWindow } from './announcement-calendar.js';
import type { AnnouncementMethod } from './announcement.rules.js';

const TEXTS = {
  en: {
    subject: (start: string) => `Planned maintenance: the platform is unavailable from ${start}`,
    cancelSubject: (start: string) => `Cancelled: the maintenance planned from ${start}`,
    greeting: 'Hello,',
    planned: (start: string) => `The staffing platform will be unavailable from ${start}.`,
    end: (end: string) => `We expect it back by ${end}.`,
    noEnd: 'We will tell you on the platform when it is back; there is no end time yet.',
    cancelled: (start: string) =>
      `The maintenance planned from ${start} will not take place: the platform stays available.`,
    stops: [
      'What will not work during the maintenance:',
      '- signing in, and every page behind it: contracts, declarations, saved searches, your profile;',
      '- forms you have open are not saved; save before the start (your browser keeps unsaved changes and offers them back afterwards);',
      '- API calls of partner links are refused (503 with Retry-After) and not kept.',
    ],
    works: [
      'What keeps working:',
      '- public forms and job applications;',
      '- account activation (you can sign in once the maintenance is over);',
      '- saved-search alert e-mails (their links open once the maintenance is over);',
      '- the status page and the calendar feed.',
    ],
    calendar: 'The attached calendar entry keeps your calendar up to date.',
    note: (message: string) => `Note from the administrators: ${message}`,
  },
  nl: {
    subject: (start: string) =>
      `Gepland onderhoud: het platform is niet beschikbaar vanaf ${start}`,
    cancelSubject: (start: string) => `Geannuleerd: het onderhoud gepland vanaf ${start}`,
    greeting: 'Hallo,',
    planned: (start: string) => `Het staffing platform is niet beschikbaar vanaf ${start}.`,
    end: (end: string) => `We verwachten het terug rond ${end}.`,
    noEnd: 'We melden op het platform wanneer het terug is; er is nog geen eindtijd.',
    cancelled: (start: string) =>
      `Het onderhoud gepland vanaf ${start} gaat niet door: het platform blijft beschikbaar.`,
    stops: [
      'Wat tijdens het onderhoud niet werkt:',
      '- inloggen, en elke pagina daarachter: contracten, declaraties, zoekopdrachten, uw profiel;',
      '- formulieren die u open hebt worden niet opgeslagen; sla op voor de start (uw browser bewaart niet-opgeslagen wijzigingen en biedt ze daarna terug aan);',
      '- API-aanroepen van partnerkoppelingen worden geweigerd (503 met Retry-After) en niet bewaard.',
    ],
    works: [
      'Wat blijft werken:',
      '- openbare formulieren en sollicitaties;',
      '- het activeren van een account (inloggen kan na het onderhoud);',
      '- e-mails van zoekopdrachten (hun links werken na het onderhoud);',
      '- de statuspagina en de agenda-feed.',
    ],
    calendar: 'De bijgevoegde agenda-afspraak houdt uw agenda bij.',
    note: (message: string) => `Bericht van de beheerders: ${message}`,
  },
} as const;

/**
 * The announcement of one change of a window, in the recipient's language, with the window in the
 * platform's zone and the change as an iCalendar attachment (PUBLISH, or CANCEL when cancelled).
 */
export function composeAnnouncementMail(
  to: string,
  window: AnnouncedWindow,
  method: AnnouncementMethod,
  language: Language,
  zone: string,
  publicUrl: string,
): OutgoingMail {
  const t = TEXTS[language];
  const start = formatInstant(window.startsAt, zone, language);
  const body =
    method === 'CANCEL'
      ? [t.greeting, '', t.cancelled(start)]
      : [
          t.greeting,
          '',
          t.planned(start),
          window.expectedEndAt
            ? t.end(formatInstant(window.expectedEndAt, zone, language))
            : t.noEnd,
          ...(window.message ? ['', t.note(window.message)] : []),
          '',
          ...t.stops,
          '',
          ...t.works,
        ];
  return {
    to,
    subject: method === 'CANCEL' ? t.cancelSubject(start) : t.subject(start),
    text: [...body, '', t.calendar, new URL('/maintenance', publicUrl).toString(), ''].join('\n'),
    attachments: [
      {
        filename: 'maintenance.ics',
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        content: windowCalendar(window, method, publicUrl, language),
      },
    ],
  };
}
