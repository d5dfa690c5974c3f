import type { ValueTransformer } from 'typeorm';

/**
 * Instants are stored as UTC epoch milliseconds in a bigint column: the same
 * millisecond precision on SQLite (whose datetime keeps whole seconds) and PostgreSQL.
 */
export const instantTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};

export const instantColumn = { type: 'bigint', transformer: instantTransformer } as const;
