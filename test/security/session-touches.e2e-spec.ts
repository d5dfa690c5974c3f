import { Agent, get } from 'node:http';
import { testDatabaseKind } from '../support/test-app.js';
import { DEMO, login, type LoggedIn } from '../support/sessions.js';
import { useTestApp } from '../support/fixtures.js';
import { recordFigure } from './figures.js';

const MINUTE = 60_000;
const PER_SESSION = 1000;
/** All requests are in flight at once over this many sockets (more would overflow the listen backlog). */
const sockets = new Agent({ keepAlive: true, maxSockets: 200 });

/** GET /api/auth/me with a session cookie over the shared sockets; resolves with the status. */
function me(base: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${base}/api/auth/me`, { agent: sockets, headers: { Cookie: cookie } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

/**
 * Issue 16 item 7: a stale session's last_seen_at is written once per interval, whatever the
 * concurrency. A test-only trigger counts the writes in the database itself.
 */
describe('session touches under concurrency (issue 16 item 7)', () => {
  const t = useTestApp();
  afterAll(() => sockets.destroy());
  let sessions: LoggedIn[];

  beforeAll(async () => {
    sessions = [await login(t.url, DEMO.agency), await login(t.url, DEMO.client)];
    await t.dataSource.query('CREATE TABLE session_touches (id_hash VARCHAR(64))');
    if (testDatabaseKind() === 'postgres') {
      await t.dataSource.query(`
        CREATE FUNCTION count_session_touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO session_touches VALUES (NEW.id_hash); RETURN NEW; END $$`);
      await t.dataSource.query(`
        CREATE TRIGGER count_session_touch AFTER UPDATE OF last_seen_at ON sessions
        FOR EACH ROW EXECUTE FUNCTION count_session_touch()`);
    } else {
      await t.dataSource.query(`
        CREATE TRIGGER count_session_touch AFTER UPDATE OF last_seen_at ON sessions
        BEGIN INSERT INTO session_touches VALUES (NEW.id_hash); END`);
    }
  });

  async function burst(perSession: number): Promise<number> {
    await t.dataSource.query('DELETE FROM session_touches');
    const answers = await Promise.all(
      Array.from({ length: perSession * sessions.length }, (_, i) =>
        me(t.url, sessions[i % sessions.length].cookie),
      ),
    );
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    const [{ n }] = await t.dataSource.query<Array<{ n: string | number }>>(
      'SELECT COUNT(*) AS n FROM session_touches',
    );
    return Number(n);
  }

  it(`${PER_SESSION} concurrent requests on each of two stale sessions write last_seen_at once per session`, async () => {
    t.clock.advance(2 * MINUTE);
    const stale = await burst(PER_SESSION);
    recordFigure(
      `item 7: ${PER_SESSION * 2} concurrent requests on two stale sessions: last_seen_at writes`,
      stale,
    );
    expect(stale).toBe(2);
    expect(await burst(250)).toBe(0); // touched less than a minute ago
    t.clock.advance(MINUTE + 1000);
    expect(await burst(250)).toBe(2);
  }, 120_000);
});
