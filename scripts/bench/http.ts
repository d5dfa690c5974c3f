import { SETTINGS_PATH } from './this-module.js';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export const DEMO_ADMIN = 'admin@demo.test';
/** A regular user: refused during downtime. */
export const DEMO_REGULAR_USER = 'client@demo.test';

export async function signIn(url: string, email: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('sid='))!
    .split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** PUT of the maintenance settings; resolves as soon as the answer's status is in (the body is left unread). */
export async function putSettings(
  url: string,
  session: Session,
  settings: { startsAt: Date; version: number },
): Promise<Response> {
  const response = await fetch(`${url}${SETTINGS_PATH}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({
      enabled: true,
      startsAt: settings.startsAt.toISOString(),
      version: settings.version,
    }),
  });
  if (response.status !== 200)
    throw new Error(`PUT settings failed: ${response.status} ${await response.text()}`);
  return response;
}
