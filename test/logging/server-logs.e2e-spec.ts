import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { METRICS_TOKEN } from '../support/metrics.js';
import { bearer } from '../support/sessions.js';
import { freshDatabase, testDatabaseKind, type TestDatabase } from '../support/test-app.js';

jest.setTimeout(300_000);

/** The built server, as production starts it (`npm start`); `npm test` builds before the e2e run. */
const MAIN = fileURLToPath(new URL('../../dist/src/main.js', import.meta.url));
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

interface ServerRun {
  lines: Array<Record<string, unknown>>;
  stderr: string;
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
}

/** Starts the server as a child process; its stdout (the log) is parsed line by line. */
function startServer(env: Record<string, string>): ServerRun {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', ...env },
  });
  const run: ServerRun = {
    lines: [],
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    signal: (name) => child.kill(name),
  };
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete)
      if (line.trim()) run.lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const events = (run: ServerRun, event: string) => run.lines.filter((line) => line.event === event);

describe(`the server's log (a child process, ${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  let server: ServerRun;
  let url: string;

  beforeAll(async () => {
    database = freshDatabase();
    server = startServer({
      DATABASE_URL: database.url,
      METRICS_TOKEN,
      DEMO_DATA: 'false',
    });
    const listening = await until(() => events(server, 'listening')[0], 'listening line');
    url = `http://127.0.0.1:${String(listening.port)}`;
  });
  afterAll(async () => {
    server.signal('SIGKILL');
    await server.exited;
    await database.drop();
  });

  it('one listening line: address, port, version, database kind, instance id; one migrations applied line with the names', () => {
    expect(events(server, 'listening')).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        event: 'listening',
        address: expect.any(String),
        port: expect.any(Number),
        version: PACKAGE_VERSION,
        database: testDatabaseKind(),
        instanceId: expect.stringMatching(/\/\d+$/),
      },
    ]);
    const [migrations, ...more] = events(server, 'migrations applied');
    expect(more).toEqual([]);
    expect(migrations.migrations).toEqual(
      expect.arrayContaining(['Foundation1764300000000', 'Maintenance1764300100000']),
    );
  });

  it("no line of Nest's route map or module loading at info", () => {
    const chatter = server.lines.filter((line) =>
      /Mapped \{|dependencies initialized|Nest application/.test(String(line.msg)),
    );
    expect(chatter).toEqual([]);
  });

  it('probes (/metrics, /health*) leave no request line at info; other requests do', async () => {
    expect((await request(url).get('/metrics').set(bearer(METRICS_TOKEN))).status).toBe(200);
    expect((await request(url).get('/health')).status).toBe(200);
    expect((await request(url).get('/api/maintenance/status')).status).toBe(200);
    const requested = (path: string) =>
      server.lines.filter((line) => (line.req as { url?: string } | undefined)?.url === path);
    await until(() => requested('/api/maintenance/status')[0], 'request line');
    expect(requested('/metrics')).toEqual([]);
    expect(requested('/health')).toEqual([]);
  });

  it('SIGTERM: one stopped line with the reason and how long the drain took, then exit 0', async () => {
    server.signal('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(events(server, 'stopped')).toEqual([
      expect.objectContaining({
        reason: 'SIGTERM',
        drainMs: expect.any(Number),
        instanceId: events(server, 'listening')[0].instanceId,
      }),
    ]);
  });
});

describe('a configuration error', () => {
  it.each([
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN', 'short'],
    [{ PORT: 'abc' }, 'PORT: is not a number', undefined],
  ])('%o: one line naming the variable, exit 1, no secret', async (env, says, secret) => {
    const server = startServer({ DATABASE_URL: 'sqlite::memory:', ...env });
    expect(await server.exited).toBe(1);
    expect(server.stderr).toContain(says);
    if (secret) expect(server.stderr).not.toContain(secret);
  });
});
