import type { ValueTransformer } from 'typeorm';

/** The module's instants: UTC epoch milliseconds in a bigint column (millisecond precision on SQLite and PostgreSQL alike). */
const epochMilliseconds: ValueTransformer = {
  to: (instant: Date | null | undefined) => instant?.getTime() ?? instant,
  from: (stored: string | number | null) => (stored === null ? null : new Date(Number(stored))),
};

export const maintenanceInstant = { type: 'bigint', transformer: epochMilliseconds } as const;
