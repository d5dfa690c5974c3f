import request from 'supertest';
import { SYSTEM, Transactions } from '../../src/database/transactions.js';
import { DEMO, login } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * One request's open transaction never swallows another request's writes — on PostgreSQL (a pooled
 * connection each) and on SQLite (one shared connection: Transactions.run queues them).
 */
describe('transaction isolation between requests', () => {
  let t: TestApp;
  let transactions: Transactions;

  beforeAll(async () => {
    t = await startTestApp();
    transactions = t.app.get(Transactions);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a login made while another transaction is open keeps its session when that transaction rolls back', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const rolledBack = transactions
      .run(SYSTEM, async (manager) => {
        await manager.query(
          `INSERT INTO companies (id, name, created_at) VALUES ('rollback-me', 'Temp', 0)`,
        );
        opened();
        await held;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);

    await isOpen;
    const loggingIn = login(t.url, DEMO.agency);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    expect(await rolledBack).toBe('roll back');
    const session = await loggingIn;

    const me = await request(t.url).get('/api/auth/me').set('Cookie', session.cookie);
    expect(me.status).toBe(200);
    const leftovers: unknown[] = await t.dataSource.query(
      `SELECT id FROM companies WHERE id = 'rollback-me'`,
    );
    expect(leftovers).toHaveLength(0);
  });

  it('two transactions at once both commit their own rows', async () => {
    const insert = (id: string) =>
      transactions.run(SYSTEM, async (manager) => {
        await manager.query(
          `INSERT INTO companies (id, name, created_at) VALUES ('${id}', 'Parallel', 0)`,
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await manager.query(`UPDATE companies SET name = 'Parallel done' WHERE id = '${id}'`);
      });
    await Promise.all([insert('parallel-1'), insert('parallel-2')]);
    const rows: Array<{ name: string }> = await t.dataSource.query(
      `SELECT name FROM companies WHERE id IN ('parallel-1', 'parallel-2')`,
    );
    expect(rows.map((row) => row.name)).toEqual(['Parallel done', 'Parallel done']);
  });
});
