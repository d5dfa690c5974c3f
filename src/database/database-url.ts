import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';

export type DatabaseTarget =
  { driver: 'sqlite'; file: string } | { driver: 'postgres'; url: string; schema: string };

/** `sqlite:<file>` or `postgres://…[?schema=name]` (schema defaults to public). */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  if (databaseUrl.startsWith('sqlite:')) {
    return { driver: 'sqlite', file: databaseUrl.slice('sqlite:'.length) };
  }
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  url.searchParams.delete('schema');
  return { driver: 'postgres', url: url.toString(), schema };
}

/** Creates what must exist before TypeORM connects: the SQLite folder or the PostgreSQL schema. */
export async function prepareDatabase(target: DatabaseTarget): Promise<void> {
  if (target.driver === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(dirname(resolve(target.file)), { recursive: true });
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
  } finally {
    await client.end();
  }
}

export function dataSourceOptions(
  target: DatabaseTarget,
  parts: Pick<DataSourceOptions, 'entities' | 'migrations'>,
): DataSourceOptions {
  const common = { ...parts, synchronize: false, migrationsTableName: 'migrations' } as const;
  if (target.driver === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      enableWAL: true,
      // Several instances on one SQLite file wait for the write lock instead of failing at once.
      timeout: 5000,
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: target.url,
    schema: target.schema,
    // A database that does not answer fails a request within seconds (503), not after the OS's TCP timeout.
    extra: { options: `-c search_path=${target.schema}`, max: 10, connectionTimeoutMillis: 5000 },
  };
}
