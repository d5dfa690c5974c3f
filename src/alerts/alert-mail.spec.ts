import type { Vacancy } from '../public-forms/vacancy.entity.js';
import { composeAlertMail, vacancyMatches } from './alert-mail.js';

const vacancy = (title: string, location: string, description = ''): Vacancy => ({
  id: `id-${title}`,
  title,
  location,
  description,
  status: 'open',
  createdAt: new Date(0),
});

describe('alert mails', () => {
  it('matches keyword (title or description) and location, case-insensitively', () => {
    const search = { keyword: 'Developer', location: 'amsterdam' };
    expect(vacancyMatches(search, vacancy('Senior developer', 'Amsterdam'))).toBe(true);
    expect(vacancyMatches(search, vacancy('Engineer', 'AMSTERDAM', 'a developer role'))).toBe(true);
    expect(vacancyMatches(search, vacancy('Developer', 'Utrecht'))).toBe(false);
    expect(vacancyMatches(search, vacancy('Chef', 'Amsterdam'))).toBe(false);
    expect(vacancyMatches({ keyword: null, location: 'utrecht' }, vacancy('Chef', 'Utrecht'))).toBe(
      true,
    );
  });

  it('links every vacancy and the login page on the public URL, in English or Dutch', () => {
    const vacancies = [vacancy('A', 'X'), vacancy('B', 'Y')];
    const en = composeAlertMail(
      'en',
      'https://p.example/',
      'Kim',
      { keyword: 'dev', location: null },
      vacancies,
    );
    expect(en.subject).toBe('2 new vacancies for dev');
    expect(en.text).toContain('https://p.example/apply?vacancyId=id-A');
    expect(en.text).toContain('https://p.example/login');
    const nl = composeAlertMail(
      'nl',
      'https://p.example',
      'Kim',
      { keyword: null, location: null },
      vacancies.slice(0, 1),
    );
    expect(nl.subject).toBe('1 nieuwe vacature voor uw zoekopdracht');
    expect(nl.text).toContain('Beste Kim,');
  });
});
