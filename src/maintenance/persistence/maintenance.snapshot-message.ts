import type { OpenWindow } from '../rules/maintenance.state.js';

/**
 * What a change announcement carries: the committed state as of `version` (the latest window's
 * version, 0 when there never was one), so that listeners apply it without reading the database.
 */
export interface SnapshotMessage {
  version: number;
  window: OpenWindow | null;
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a larger one is sent empty (listeners re-read). */
export const MAX_PAYLOAD_BYTES = 7999;

interface Wire {
  v: number;
  w: { i: string; s: number; e: number | null; m: string | null; d: number | null } | null;
}

export function encodeSnapshotMessage({ version, window }: SnapshotMessage): string {
  const wire: Wire = {
    v: version,
    w: window && {
      i: window.id,
      s: window.startsAt.getTime(),
      e: window.expectedEndAt?.getTime() ?? null,
      m: window.message,
      d: window.downtimeStartedAt?.getTime() ?? null,
    },
  };
  const payload = JSON.stringify(wire);
  return Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES ? '' : payload;
}

const isInstant = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;
const isInstantOrNull = (value: unknown): value is number | null =>
  value === null || isInstant(value);

/** The message, or null when the payload is empty or not one this module wrote (then re-read). */
export function decodeSnapshotMessage(payload: string | undefined): SnapshotMessage | null {
  if (!payload) return null;
  let wire: unknown;
  try {
    wire = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null) return null;
  const { v, w } = wire as Partial<Wire>;
  if (!Number.isSafeInteger(v) || (v as number) < 0 || w === undefined) return null;
  if (w === null) return { version: v as number, window: null };
  if (
    typeof w !== 'object' ||
    typeof w.i !== 'string' ||
    !isInstant(w.s) ||
    !isInstantOrNull(w.e) ||
    !isInstantOrNull(w.d) ||
    !(w.m === null || typeof w.m === 'string')
  ) {
    return null;
  }
  return {
    version: v as number,
    window: {
      id: w.i,
      startsAt: new Date(w.s),
      expectedEndAt: w.e === null ? null : new Date(w.e),
      message: w.m,
      version: v as number,
      downtimeStartedAt: w.d === null ? null : new Date(w.d),
    },
  };
}
