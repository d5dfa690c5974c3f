import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO, DEMO_PASSWORD, login } from './support/sessions.js';
import { freshDatabase, startTestApp, type TestApp } from './support/test-app.js';

describe('platform: health, problem details, OpenAPI, logs, persistence', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    expect((await request(t.url).get('/health')).body).toEqual({ status: 'ok' });
    const ready = await request(t.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('answers an unknown API route with a problem document', async () => {
    const response = await request(t.url).get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: expect.any(String),
      title: 'Not found',
      status: 404,
      detail: expect.any(String),
      instance: '/api/no-such-thing',
    });
  });

  it('refuses a malformed JSON body with 400 problem+json', async () => {
    const response = await request(t.url)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves an OpenAPI document generated from the controllers, and its UI', async () => {
    const document = await request(t.url).get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/auth/activate',
      ]),
    );
    expect(document.body.components.schemas.LoginDto.properties).toHaveProperty('email');
    const ui = await request(t.url).get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('writes one JSON log line per request with a request id, and never a password, token or cookie', async () => {
    const session = await login(t.url, DEMO.agency);
    const response = await request(t.url)
      .get('/api/auth/me')
      .set('Cookie', session.cookie)
      .set('X-Request-Id', 'req-abc');
    expect(response.headers['x-request-id']).toBe('req-abc');
    const line = t.logs.find(
      (entry) => (entry.req as { id?: string } | undefined)?.id === 'req-abc',
    );
    expect(line).toMatchObject({
      req: { method: 'GET', url: '/api/auth/me' },
      res: { statusCode: 200 },
      principal: 'user',
    });
    const everything = JSON.stringify(t.logs);
    expect(everything).not.toContain(DEMO_PASSWORD);
    expect(everything).not.toContain(session.cookie.slice('sid='.length));
    expect(everything).not.toContain(session.csrfToken);
  });

  it('keeps sessions across a restart (a second instance on the same database)', async () => {
    const session = await login(t.url, DEMO.client);
    const second = await startTestApp({ database: t.database });
    try {
      const me = await request(second.url).get('/api/auth/me').set('Cookie', session.cookie);
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(DEMO.client);
    } finally {
      await second.close();
    }
  });
});

describe('configuration validation at start-up', () => {
  const main = 'dist/src/main.js';

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/db' }],
    ['APP_TIMEZONE', { APP_TIMEZONE: 'Mars/Olympus' }],
    ['DEMO_DATA', { NODE_ENV: 'production', DEMO_DATA: 'true' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
  ])('stops the app with one line naming %s', (variable, env) => {
    expect(existsSync(main)).toBe(true); // npm test builds before the e2e run
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'sqlite::memory:', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable}: `));
  });
});

/** A free loopback port for a child process. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the built app, as `npm start` runs it', () => {
  it('starts on a new SQLite file with demo data and serves the API, the pages and their assets', async () => {
    expect(existsSync('dist/src/main.js')).toBe(true); // npm test builds before the e2e run
    const dir = mkdtempSync(join(tmpdir(), 'built-app-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATABASE_URL: `sqlite:${join(dir, 'data', 'app.sqlite')}`,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      const deadline = Date.now() + 20_000;
      let ready = false;
      while (!ready && Date.now() < deadline) {
        ready = await fetch(`${base}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(ready).toBe(true);
      const login = await fetch(`${base}/login`, { headers: { Accept: 'text/html' } });
      expect(login.status).toBe(200);
      const html = await login.text();
      const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
      expect(stylesheet).toBeDefined();
      expect((await fetch(`${base}${stylesheet}`)).status).toBe(200);
      const session = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD }),
      });
      expect(session.status).toBe(200);
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run migration:run (the TypeORM CLI on ormconfig)', () => {
  it('applies every migration to a fresh database; the app then starts with MIGRATIONS_RUN=false', async () => {
    const database = freshDatabase();
    try {
      const result = spawnSync(
        process.execPath,
        ['node_modules/typeorm/cli.js', 'migration:run', '-d', 'dist/ormconfig.js'],
        {
          env: { PATH: process.env.PATH, DATABASE_URL: database.url },
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const t = await startTestApp({ database, env: { MIGRATIONS_RUN: 'false' } });
      try {
        const applied: unknown[] = await t.dataSource.query('SELECT name FROM migrations');
        expect(applied).toHaveLength(t.dataSource.migrations.length);
        expect(
          (
            await request(t.url)
              .post('/api/auth/login')
              .send({ email: DEMO.admin, password: DEMO_PASSWORD })
          ).status,
        ).toBe(200);
      } finally {
        await t.close();
      }
    } finally {
      await database.drop();
    }
  });
});
