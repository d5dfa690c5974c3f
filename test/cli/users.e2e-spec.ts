import { jest } from '@jest/globals';
import request from 'supertest';
import { userInfo } from 'node:os';
import { startSmtpSink, type SmtpSink } from '../features/smtp-sink.js';
import { countRows } from '../support/fixtures.js';
import { login, withSession } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { activate, activationLinkIn, untilMails } from '../users/support.js';
import { logLines, messageLines, runCli } from './support.js';

jest.setTimeout(180_000);

const PUBLIC_URL = 'https://staffing.example.test';

describe('CLI: users (a child process on the database of a running server)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let env: Record<string, string>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    // The server has no demo data: the production start a new customer makes.
    t = await startTestApp({ env: { DEMO_DATA: 'false', PUBLIC_URL } });
    env = {
      DATABASE_URL: t.database.url,
      NODE_ENV: 'production',
      PUBLIC_URL,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
    };
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('create-admin on an empty database: prints the activation link, which the server accepts; the admin signs in', async () => {
    expect(await countRows(t, 'users')).toBe(0);
    const run = await runCli(
      ['users', 'create-admin', '--email', 'First.Admin@Example.com', '--name', 'First Admin'],
      env,
    );
    expect(run.code).toBe(0);
    expect(messageLines(run.stderr)).toEqual([]);
    const link = new URL(run.stdout.trim());
    expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/activate`);
    expect((await activate(t, link)).status).toBe(200);
    const admin = await login(t.url, 'first.admin@example.com', 'a-long-new-password');
    expect(admin.user.role).toBe('CUSTOMER_ADMIN');
    const created = logLines(run.stderr).find((line) => line.event === 'user.created');
    expect(created).toMatchObject({ actor: `cli:${userInfo().username}`, userId: admin.user.id });
  });

  it('refuses an existing or a bad e-mail with exit 1 and one line on stderr; changes nothing', async () => {
    const users = await countRows(t, 'users');
    const taken = await runCli(
      ['users', 'create-admin', '--email', 'first.admin@example.com', '--name', 'Twin'],
      env,
    );
    expect(taken.code).toBe(1);
    expect(taken.stdout).toBe('');
    expect(messageLines(taken.stderr)).toEqual([
      'refused: A user with this e-mail address already exists.',
    ]);
    // A malformed value is a usage error, named by its option (the API's rule and message).
    const bad = await runCli(['users', 'create-admin', '--email', 'nope', '--name', 'X'], env);
    expect(bad.code).toBe(2);
    expect(messageLines(bad.stderr)).toEqual(['error: --email: must be an e-mail address']);
    expect(await countRows(t, 'users')).toBe(users);
  });

  it('usage errors exit 2: a missing option, an unknown one (there is no --password), a bad role, no subcommand', async () => {
    const runs = [];
    // One after another: the command line is the only thing under test, not the machine's load.
    for (const args of [
      ['users', 'create-admin', '--email', 'x@example.com'],
      ['users', 'create-admin', '--email', 'x@example.com', '--name', 'X', '--password', 'p'],
      ['users', 'invite', '--email', 'x@example.com', '--name', 'X', '--role', 'KING'],
      ['users'],
      ['nonsense'],
    ]) {
      runs.push(await runCli(args, env));
    }
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).not.toBe('');
    }
    expect(messageLines(runs[0].stderr)).toEqual([
      "error: required option '--name <name>' not specified",
    ]);
    expect(await countRows(t, "users WHERE email = 'x@example.com'")).toBe(0);
  });

  it('invite e-mails the same link it prints; a CLIENT needs a company', async () => {
    const before = sink.messages.length;
    const run = await runCli(
      ['users', 'invite', '--email', 'cor@example.com', '--name', 'Cor', '--role', 'CONSULTANT'],
      env,
    );
    expect(run.code).toBe(0);
    await untilMails(sink.messages, before + 1);
    expect(activationLinkIn(sink.messages[before]).toString()).toBe(run.stdout.trim());
    const client = await runCli(
      ['users', 'invite', '--email', 'cl@example.com', '--name', 'Cl', '--role', 'CLIENT'],
      env,
    );
    // A missing option that the role needs is a usage error, named by its option (the API's rule).
    expect(client.code).toBe(2);
    expect(messageLines(client.stderr)).toEqual([
      expect.stringMatching(/^error: .*--company: is required for a CLIENT$/),
    ]);
  });

  it('list --json shows the users without hashes or tokens; the plain list one per line', async () => {
    const run = await runCli(['users', 'list', '--json'], env);
    expect(run.code).toBe(0);
    const users = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(users.map((user) => [user.email, user.role, user.status])).toEqual([
      ['cor@example.com', 'CONSULTANT', 'invited'],
      ['first.admin@example.com', 'CUSTOMER_ADMIN', 'active'],
    ]);
    expect(run.stdout).not.toMatch(/hash|token|argon/i);
    const plain = await runCli(['users', 'list'], env);
    expect(plain.stdout.trim().split('\n')).toEqual([
      'EMAIL\tROLE\tSTATUS\tNAME',
      'cor@example.com\tCONSULTANT\tinvited\tCor',
      'first.admin@example.com\tCUSTOMER_ADMIN\tactive\tFirst Admin',
    ]);
  });

  it('the server sees a user the CLI invites at once (shared database): the admin lists it', async () => {
    const admin = await login(t.url, 'first.admin@example.com', 'a-long-new-password');
    await runCli(
      ['users', 'invite', '--email', 'new@example.com', '--name', 'N', '--role', 'CANDIDATE'],
      env,
    );
    const listed = await request(t.url)
      .get('/api/admin/users')
      .query({ q: 'new@example.com' })
      .set('Cookie', admin.cookie);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ status: 'invited', role: 'CANDIDATE' }),
    ]);
  });

  it('list --role and --status filter as the API does; a bad filter is a usage error naming the option', async () => {
    const consultants = await runCli(['users', 'list', '--role', 'CONSULTANT'], env);
    expect(consultants.stdout.trim().split('\n')).toEqual([
      'EMAIL\tROLE\tSTATUS\tNAME',
      'cor@example.com\tCONSULTANT\tinvited\tCor',
    ]);
    const active = await runCli(['users', 'list', '--status', 'active', '--json'], env);
    expect((JSON.parse(active.stdout) as Array<{ email: string }>).map((u) => u.email)).toEqual([
      'first.admin@example.com',
    ]);
    const bad = await runCli(['users', 'list', '--status', 'asleep'], env);
    expect(bad.code).toBe(2);
    expect(messageLines(bad.stderr)).toEqual([
      'error: --status: must be one of invited, active, disabled',
    ]);
  });

  it('invite refuses ESC and BEL in --name as the API does (exit 2, naming --name); nothing is stored', async () => {
    const admin = await login(t.url, 'first.admin@example.com', 'a-long-new-password');
    const users = await countRows(t, 'users');
    for (const name of ['Eve\u001b[2J\u001b[H', 'Eve\u0007']) {
      const run = await runCli(
        ['users', 'invite', '--email', 'eve@example.com', '--name', name, '--role', 'CANDIDATE'],
        env,
      );
      expect(run.code).toBe(2);
      expect(messageLines(run.stderr)).toEqual([
        'error: --name: must not contain control characters or unpaired surrogates',
      ]);
      const api = await request(t.url)
        .post('/api/admin/users')
        .set(withSession(admin))
        .send({ email: 'eve@example.com', displayName: name, role: 'CANDIDATE' });
      expect(api.status).toBe(400);
    }
    expect(await countRows(t, 'users')).toBe(users);
  });

  it('a name with LF and TAB gets the same verdict as from the API, and cannot forge a row in users list', async () => {
    const admin = await login(t.url, 'first.admin@example.com', 'a-long-new-password');
    const name = 'Mallory\nforged@example.com\tCUSTOMER_ADMIN\tactive\tForged';
    const api = await request(t.url)
      .post('/api/admin/users')
      .set(withSession(admin))
      .send({ email: 'mallory.api@example.com', displayName: name, role: 'CANDIDATE' });
    const run = await runCli(
      ['users', 'invite', '--email', 'mallory@example.com', '--name', name, '--role', 'CANDIDATE'],
      env,
    );
    // One validation for both: the command line accepts exactly when the API does.
    expect(run.code === 0).toBe(api.status === 201);
    const list = (await runCli(['users', 'list'], env)).stdout.trim().split('\n');
    const emails = list.map((row) => row.split('\t')[0]);
    expect(emails).not.toContain('forged@example.com');
    expect(list.every((row) => row.split('\t').length === 4)).toBe(true);
    if (run.code === 0) {
      expect(list).toContain(
        'mallory@example.com\tCANDIDATE\tinvited\tMallory\\nforged@example.com\\tCUSTOMER_ADMIN\\tactive\\tForged',
      );
    }
  });

  it('disable and enable by e-mail address: sessions end at once; the last admin cannot be disabled; an unknown address is refused', async () => {
    const invited = await runCli(
      ['users', 'invite', '--email', 'dana@example.com', '--name', 'Dana', '--role', 'CONSULTANT'],
      env,
    );
    expect((await activate(t, new URL(invited.stdout.trim()))).status).toBe(200);
    const dana = await login(t.url, 'dana@example.com', 'a-long-new-password');

    const disabled = await runCli(['users', 'disable', '--email', 'Dana@Example.com'], env);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toBe('dana@example.com\tCONSULTANT\tdisabled\tDana\n');
    expect((await request(t.url).get('/api/auth/me').set('Cookie', dana.cookie)).status).toBe(401);
    await expect(login(t.url, 'dana@example.com', 'a-long-new-password')).rejects.toThrow();

    const enabled = await runCli(['users', 'enable', '--email', 'dana@example.com'], env);
    expect(enabled.code).toBe(0);
    expect(enabled.stdout).toBe('dana@example.com\tCONSULTANT\tactive\tDana\n');
    await login(t.url, 'dana@example.com', 'a-long-new-password');

    const last = await runCli(['users', 'disable', '--email', 'first.admin@example.com'], env);
    expect(last.code).toBe(1);
    expect(messageLines(last.stderr)).toEqual([expect.stringMatching(/^refused: .*last active/)]);
    const unknown = await runCli(['users', 'disable', '--email', 'nobody@example.com'], env);
    expect(unknown.code).toBe(1);
    expect(messageLines(unknown.stderr)).toEqual([
      'refused: --email: no user has the e-mail address nobody@example.com',
    ]);
  });
});
