import type { Vacancy } from '../public-forms/vacancy.entity.js';

export interface SearchCriteria {
  keyword: string | null;
  location: string | null;
}

/** Case-insensitive: the keyword in the title or description, the location in the location. */
export function vacancyMatches(search: SearchCriteria, vacancy: Vacancy): boolean {
  const contains = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());
  if (search.keyword && !contains(`${vacancy.title}\n${vacancy.description}`, search.keyword))
    return false;
  if (search.location && !contains(vacancy.location, search.location)) return false;
  return true;
}

export interface AlertMail {
  subject: string;
  text: string;
}

const TEXTS = {
  en: {
    subject: (n: number, what: string) =>
      n === 1 ? `1 new vacancy for ${what}` : `${n} new vacancies for ${what}`,
    anything: 'your search',
    greeting: (name: string) => `Hello ${name},`,
    intro: 'These vacancies were published since our last message:',
    login: 'Sign in to see them and manage your alerts:',
  },
  nl: {
    subject: (n: number, what: string) =>
      n === 1 ? `1 nieuwe vacature voor ${what}` : `${n} nieuwe vacatures voor ${what}`,
    anything: 'uw zoekopdracht',
    greeting: (name: string) => `Beste ${name},`,
    intro: 'Deze vacatures zijn gepubliceerd sinds ons vorige bericht:',
    login: 'Log in om ze te bekijken en uw meldingen te beheren:',
  },
} as const;

/**
 * The plain-text alert for one saved search. Every link is on the platform's public URL: each
 * vacancy's page, and the login page (during downtime that leads a regular user to R12).
 */
export function composeAlertMail(
  language: 'en' | 'nl',
  publicUrl: string,
  recipientName: string,
  search: SearchCriteria,
  vacancies: readonly Vacancy[],
): AlertMail {
  const t = TEXTS[language];
  const what =
    [search.keyword, search.location].filter((part): part is string => !!part).join(', ') ||
    t.anything;
  const link = (path: string) => new URL(path, publicUrl).toString();
  const lines = vacancies.map(
    (vacancy) =>
      `- ${vacancy.title} (${vacancy.location})\n  ${link(`/apply?vacancyId=${encodeURIComponent(vacancy.id)}`)}`,
  );
  return {
    subject: t.subject(vacancies.length, what),
    text: [
      t.greeting(recipientName),
      '',
      t.intro,
      '',
      ...lines,
      '',
      t.login,
      link('/login'),
      '',
    ].join('\n'),
  };
}
