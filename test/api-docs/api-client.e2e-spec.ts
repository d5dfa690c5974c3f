import createClient from 'openapi-fetch';
import type { paths } from '../support/api-schema.js';
import { useTestApp } from '../support/fixtures.js';
import { DEMO, DEMO_PASSWORD } from '../support/sessions.js';
import { testDatabaseKind } from '../support/test-app.js';

const SETTINGS = '/api/admin/connect/settings/maintenance';
const MINUTE = 60_000;

/**
 * A partner's view: a client generated from the API document (openapi-typescript types driving
 * openapi-fetch) signs in, schedules downtime, reads the status, meets the refusal and turns it
 * off. A change to the server that the document does not follow fails to compile or fails here.
 */
describe(`the generated API client (${testDatabaseKind()})`, () => {
  const t = useTestApp();

  it('signs in, schedules downtime, reads the status, is refused during it and turns it off', async () => {
    const client = createClient<paths>({ baseUrl: t.url });

    const signedIn = await client.POST('/api/auth/login', {
      body: { email: DEMO.admin, password: DEMO_PASSWORD },
    });
    expect(signedIn.response.status).toBe(200);
    if (!signedIn.data) throw new Error('no login answer');
    const cookie = signedIn.response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith('sid='));
    if (!cookie) throw new Error('no session cookie');
    const read = { Cookie: cookie };
    // The CSRF token is a header parameter the document requires on writes, not a credential.
    const csrf = { header: { 'X-CSRF-Token': signedIn.data.csrfToken } };

    const before = await client.GET(SETTINGS, { headers: read });
    expect(before.data?.state).toBe('off');

    const tooSoon = await client.PUT(SETTINGS, {
      headers: read,
      params: csrf,
      body: {
        enabled: true,
        startsAt: new Date(t.clock.now().getTime() + MINUTE).toISOString(),
        version: before.data?.version ?? 0,
      },
    });
    expect(tooSoon.response.status).toBe(400);
    expect(tooSoon.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(tooSoon.error?.errors?.[0]?.field).toBe('startsAt');

    const startsAt = new Date(t.clock.now().getTime() + 15 * MINUTE);
    const scheduled = await client.PUT(SETTINGS, {
      headers: read,
      params: csrf,
      body: {
        enabled: true,
        startsAt: startsAt.toISOString(),
        message: 'Year-end closing',
        version: before.data?.version ?? 0,
      },
    });
    expect(scheduled.response.status).toBe(200);
    expect(scheduled.data).toMatchObject({ state: 'scheduled', message: 'Year-end closing' });
    expect(Date.parse(scheduled.data?.startsAt ?? '')).toBe(startsAt.getTime());

    const stale = await client.PUT(SETTINGS, {
      headers: read,
      params: csrf,
      body: { enabled: false, version: before.data?.version ?? 0 },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.status).toBe(409);

    const status = await client.GET('/api/maintenance/status');
    expect(status.data).toMatchObject({ state: 'scheduled', message: 'Year-end closing' });
    expect(status.data?.secondsUntilStart).toBeGreaterThan(14 * 60);
    expect(status.data?.secondsUntilStart).toBeLessThanOrEqual(15 * 60);

    t.clock.set(new Date(startsAt.getTime() + 1000));
    const refused = await client.GET('/api/contracts');
    expect(refused.response.status).toBe(503);
    expect(refused.response.headers.get('retry-after')).toMatch(/^\d+$/);
    const refusal = refused.error;
    if (!refusal || !('startsAt' in refusal)) throw new Error('not the maintenance refusal');
    expect(Date.parse(refusal.startsAt)).toBe(startsAt.getTime());

    const off = await client.PUT(SETTINGS, {
      headers: read,
      params: csrf,
      body: { enabled: false, version: scheduled.data?.version ?? 0 },
    });
    expect(off.response.status).toBe(200);
    expect(off.data?.state).toBe('off');
    expect((await client.GET('/api/maintenance/status')).data?.state).toBe('off');
  });
});
