import { jest } from '@jest/globals';
import { userInfo } from 'node:os';
import { logLines, messageLines, runCli } from '../cli/support.js';
import { countRows } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(600_000);

describe('CLI: companies (a child process on the database of a running server, issue 15)', () => {
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    // A production database without demo data: no companies until someone creates one.
    t = await startTestApp({ env: { DEMO_DATA: 'false' } });
    env = { DATABASE_URL: t.database.url, NODE_ENV: 'production' };
  });
  afterAll(async () => {
    await t.close();
  });

  let companyId: string;

  it('create --name prints the new id; one log line with the actor; the server sees it', async () => {
    const run = await runCli(['companies', 'create', '--name', '  Harbour Care B.V. '], env);
    expect(run.code).toBe(0);
    expect(messageLines(run.stderr)).toEqual([]);
    companyId = run.stdout.trim();
    expect(companyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logLines(run.stderr).find((line) => line.event === 'company.created')).toMatchObject({
      companyId,
      actor: `cli:${userInfo().username}`,
    });
    const [row] = await t.dataSource.query(`SELECT name, active FROM companies`);
    expect(row.name).toBe('Harbour Care B.V.');
  });

  it('the same rules as the API: a taken name (any case) exits 1 with one line; a bad or missing --name exits 2', async () => {
    const taken = await runCli(['companies', 'create', '--name', 'HARBOUR CARE b.v.'], env);
    expect(taken.code).toBe(1);
    expect(taken.stdout).toBe('');
    expect(messageLines(taken.stderr)).toEqual([
      'refused: A company with this name already exists.',
    ]);
    const control = await runCli(['companies', 'create', '--name', 'Tab\there'], env);
    expect(control.code).toBe(2);
    expect(messageLines(control.stderr)).toEqual([
      'error: --name: must not contain control characters',
    ]);
    const missing = await runCli(['companies', 'create'], env);
    expect(missing.code).toBe(2);
    expect(await countRows(t, 'companies')).toBe(1);
  });

  it('list --json and the plain list; a CLIENT invited into the company', async () => {
    const json = await runCli(['companies', 'list', '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: companyId, name: 'Harbour Care B.V.', active: true, createdAt: expect.any(String) },
    ]);
    const plain = await runCli(['companies', 'list'], env);
    expect(plain.stdout).toBe(`ID\tSTATUS\tNAME\n${companyId}\tactive\tHarbour Care B.V.\n`);

    const invite = await runCli(
      [
        'users',
        'invite',
        '--email',
        'lisa@harbour.example',
        '--name',
        'Lisa',
        '--role',
        'CLIENT',
        '--company',
        companyId,
      ],
      env,
    );
    expect(invite.code).toBe(0);
    const [user] = await t.dataSource.query(
      `SELECT role, company_id FROM users WHERE email = 'lisa@harbour.example'`,
    );
    expect(user).toEqual({ role: 'CLIENT', company_id: companyId });
  });
});
