import { Injectable } from '@nestjs/common';
import {
  MAINTENANCE_PRINCIPAL_KINDS,
  zeroByPrincipal,
  type MaintenancePrincipal,
  type MaintenancePrincipalKind,
  type RefusalsByPrincipal,
} from '../rules/maintenance.principal.js';

/** Where a refusal happened: an API route (503), a page (303), or a login (R12). */
export const REFUSAL_SURFACES = ['api', 'page', 'login'] as const;
export type RefusalSurface = (typeof REFUSAL_SURFACES)[number];

export type RefusalCounts = Record<MaintenancePrincipalKind, Record<RefusalSurface, number>>;

/** Refusals not yet written to the database, by window. */
export type PendingRefusals = Map<string, RefusalsByPrincipal>;

function zeroCounts(): RefusalCounts {
  const bySurface = () =>
    Object.fromEntries(REFUSAL_SURFACES.map((surface) => [surface, 0])) as Record<
      RefusalSurface,
      number
    >;
  return Object.fromEntries(
    MAINTENANCE_PRINCIPAL_KINDS.map((kind) => [kind, bySurface()]),
  ) as RefusalCounts;
}

/**
 * The lockout's refusals in this process: since it started, by principal kind and surface (for
 * metrics), and per window the ones not yet flushed to the database (for the impact view). Counting
 * is in memory so that a herd at the start instant costs no writes; the flush takes the deltas.
 */
@Injectable()
export class MaintenanceRefusalCounter {
  private readonly tally = zeroCounts();
  private pending: PendingRefusals = new Map();

  /** A refusal during downtime of window `windowId`. */
  record(principal: MaintenancePrincipal, surface: RefusalSurface, windowId: string): void {
    this.tally[principal.kind][surface]++;
    const window = this.pending.get(windowId) ?? zeroByPrincipal();
    window[principal.kind]++;
    this.pending.set(windowId, window);
  }

  /** A copy of the counts, every kind and surface present. */
  counts(): RefusalCounts {
    return structuredClone(this.tally);
  }

  /** The deltas since the last take, emptied: the flush writes them. */
  takePending(): PendingRefusals {
    const taken = this.pending;
    this.pending = new Map();
    return taken;
  }

  /** Deltas whose write failed go back, to be added to the next flush. */
  restorePending(deltas: PendingRefusals): void {
    for (const [windowId, byPrincipal] of deltas) {
      const window = this.pending.get(windowId) ?? zeroByPrincipal();
      for (const kind of MAINTENANCE_PRINCIPAL_KINDS) window[kind] += byPrincipal[kind];
      this.pending.set(windowId, window);
    }
  }
}
