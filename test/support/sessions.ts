import request from 'supertest';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO = {
  admin: 'admin@demo.test',
  consultant: 'consultant@demo.test',
  agency: 'agency@demo.test',
  client: 'client@demo.test',
  candidate: 'candidate@demo.test',
} as const;

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; role: string; displayName: string };
}

/** Logs in over HTTP and returns what a browser would keep: the session cookie and the CSRF token. */
export async function login(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<LoggedIn> {
  const response = await request(baseUrl).post('/api/auth/login').send({ email, password });
  if (response.status !== 200)
    throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('sid='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrfToken: response.body.csrfToken, user: response.body.user };
}

/** Headers for a state-changing request with a session. */
export function withSession(session: LoggedIn): Record<string, string> {
  return { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken };
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
