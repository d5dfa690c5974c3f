import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns `decimal` columns as strings, SQLite as numbers; the API always sees numbers. */
export const decimalTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value == null ? null : Number(value)),
};
