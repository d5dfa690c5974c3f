import { Injectable } from '@nestjs/common';
import {
  MAINTENANCE_PRINCIPAL_KINDS,
  type MaintenancePrincipal,
  type MaintenancePrincipalKind,
} from '../rules/maintenance.principal.js';

/** Where a refusal happened: an API route (503), a page (303), or a login (R12). */
export const REFUSAL_SURFACES = ['api', 'page', 'login'] as const;
export type RefusalSurface = (typeof REFUSAL_SURFACES)[number];

export type RefusalCounts = Record<MaintenancePrincipalKind, Record<RefusalSurface, number>>;

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

/** The lockout's refusals in this process since it started, by principal kind and surface (for metrics). */
@Injectable()
export class MaintenanceRefusalCounter {
  private readonly tally = zeroCounts();

  record(principal: MaintenancePrincipal, surface: RefusalSurface): void {
    this.tally[principal.kind][surface]++;
  }

  /** A copy of the counts, every kind and surface present. */
  counts(): RefusalCounts {
    return structuredClone(this.tally);
  }
}
