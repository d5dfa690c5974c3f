import { readFileSync } from 'node:fs';
import type { MaintenanceImpactView } from '../maintenance/index.js';
import { impactFigures, impactSentence, impactState } from './pages.impact.js';
import type { Dictionary } from './pages.i18n.js';

const strings = (language: 'en' | 'nl'): Dictionary =>
  JSON.parse(
    readFileSync(new URL(`./i18n/${language}.json`, import.meta.url), 'utf8'),
  ) as Dictionary;
const en = strings('en');
const nl = strings('nl');

const AT = '2030-01-05T12:00:00.000Z';
const BEFORE = '2030-01-05T18:00:00.000Z';
const AFTER = '2030-01-05T11:00:00.000Z';

function impact(
  signedIn: [number, number, number],
  acknowledged: number,
  refusals: { since: string; byPrincipal: [number, number, number] } | null,
): MaintenanceImpactView {
  const [AGENCY_USER, CLIENT, CANDIDATE] = signedIn;
  return {
    at: AT,
    signedIn: {
      total: AGENCY_USER + CLIENT + CANDIDATE,
      byRole: { AGENCY_USER, CLIENT, CANDIDATE },
    },
    notice: { acknowledged },
    refusals: refusals && {
      since: refusals.since,
      total: refusals.byPrincipal.reduce((a, b) => a + b, 0),
      byPrincipal: {
        user: refusals.byPrincipal[0],
        integration: refusals.byPrincipal[1],
        anonymous: refusals.byPrincipal[2],
      },
    },
  };
}

const zeros = { since: BEFORE, byPrincipal: [0, 0, 0] as [number, number, number] };

describe('impactState', () => {
  it('is off without refusals, scheduled before their start, active from it', () => {
    expect(impactState(impact([0, 0, 0], 0, null))).toBe('off');
    expect(impactState(impact([0, 0, 0], 0, zeros))).toBe('scheduled');
    expect(impactState(impact([0, 0, 0], 0, { ...zeros, since: AT }))).toBe('active');
    expect(impactState(impact([0, 0, 0], 0, { ...zeros, since: AFTER }))).toBe('active');
  });
});

describe('impactSentence', () => {
  it('before the start: who is signed in, by role, and who confirmed (the issue’s example)', () => {
    const before = impact([3, 2, 7], 9, zeros);
    expect(impactSentence(before, 'en', en)).toBe(
      'Right now 12 regular users are signed in (3 agency users, 2 clients, 7 candidates); 9 have confirmed the notice.',
    );
    expect(impactSentence(before, 'nl', nl)).toBe(
      'Op dit moment zijn 12 gewone gebruikers aangemeld (3 bureaumedewerkers, 2 opdrachtgevers, 7 kandidaten); 9 hebben de melding bevestigd.',
    );
  });

  it('uses the singular for one, in both languages', () => {
    const one = impact([1, 0, 0], 1, zeros);
    expect(impactSentence(one, 'en', en)).toBe(
      'Right now 1 regular user is signed in (1 agency user, 0 clients, 0 candidates); 1 has confirmed the notice.',
    );
    expect(impactSentence(one, 'nl', nl)).toBe(
      'Op dit moment is 1 gewone gebruiker aangemeld (1 bureaumedewerker, 0 opdrachtgevers, 0 kandidaten); 1 heeft de melding bevestigd.',
    );
    const eachOne = impact([1, 1, 1], 0, zeros);
    expect(impactSentence(eachOne, 'en', en)).toContain('(1 agency user, 1 client, 1 candidate)');
    expect(impactSentence(eachOne, 'nl', nl)).toContain(
      '(1 bureaumedewerker, 1 opdrachtgever, 1 kandidaat)',
    );
  });

  it('leaves out the roles when nobody is signed in', () => {
    expect(impactSentence(impact([0, 0, 0], 0, zeros), 'en', en)).toBe(
      'Right now 0 regular users are signed in; 0 have confirmed the notice.',
    );
    expect(impactSentence(impact([0, 0, 0], 0, zeros), 'nl', nl)).toBe(
      'Op dit moment zijn 0 gewone gebruikers aangemeld; 0 hebben de melding bevestigd.',
    );
  });

  it('without a window: who is signed in only', () => {
    expect(impactSentence(impact([0, 2, 0], 0, null), 'en', en)).toBe(
      'Right now 2 regular users are signed in (0 agency users, 2 clients, 0 candidates).',
    );
    expect(impactSentence(impact([0, 2, 0], 0, null), 'nl', nl)).toBe(
      'Op dit moment zijn 2 gewone gebruikers aangemeld (0 bureaumedewerkers, 2 opdrachtgevers, 0 kandidaten).',
    );
  });

  it('during downtime: the refusals since the start, by who was refused', () => {
    const during = impact([3, 2, 7], 9, { since: AFTER, byPrincipal: [120, 23, 0] });
    expect(impactSentence(during, 'en', en)).toBe(
      'Since the start: 143 refused requests (120 from users, 23 from third-party links, 0 from visitors not signed in).',
    );
    expect(impactSentence(during, 'nl', nl)).toBe(
      'Sinds de start: 143 geweigerde verzoeken (120 van gebruikers, 23 van koppelingen van derden, 0 van bezoekers die niet zijn aangemeld).',
    );
  });

  it('one refusal is singular', () => {
    const one = impact([0, 0, 0], 0, { since: AFTER, byPrincipal: [0, 0, 1] });
    expect(impactSentence(one, 'en', en)).toBe(
      'Since the start: 1 refused request (0 from users, 0 from third-party links, 1 from visitors not signed in).',
    );
    expect(impactSentence(one, 'nl', nl)).toMatch(/^Sinds de start: 1 geweigerd verzoek \(/);
  });
});

describe('impactFigures', () => {
  it('takes the totals an event kept, in a fixed order; none for other events', () => {
    expect(
      impactFigures({
        refusals: { total: 4, byPrincipal: { user: 2, integration: 1, anonymous: 1 } },
        old: { startsAt: AT },
        acknowledged: 1,
        signedIn: { total: 3, byRole: { AGENCY_USER: 3 } },
      }),
    ).toEqual([
      { key: 'signedIn', count: 3 },
      { key: 'acknowledged', count: 1 },
      { key: 'refusals', count: 4 },
    ]);
    expect(impactFigures({ startsAt: AT, recordedAt: AT })).toEqual([]);
    expect(impactFigures({ old: { message: 'x' }, new: { message: 'y' } })).toEqual([]);
  });
});
