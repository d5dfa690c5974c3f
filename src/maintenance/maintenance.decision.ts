import type { MaintenanceExemptions, MaintenancePrincipal } from './maintenance.options.js';
import type { MaintenanceState } from './maintenance.state.js';

/** A route's policy during downtime: `open` to everybody (@AllowDuringMaintenance) or for exempt principals only. */
export const ROUTE_POLICIES = ['open', 'exempt-only'] as const;
export type RoutePolicy = (typeof ROUTE_POLICIES)[number];

export type Decision = 'allow' | 'refuse';

function unreachable(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** Exempt principals keep working during downtime (SPEC §1). */
export function isExempt(
  principal: MaintenancePrincipal,
  exemptions: MaintenanceExemptions,
): boolean {
  switch (principal.kind) {
    case 'user':
      return exemptions.roles.includes(principal.role);
    case 'integration':
      return exemptions.integrationKinds.includes(principal.integrationKind);
    case 'anonymous':
      return false;
    default:
      return unreachable(principal);
  }
}

/** The whole lockout rule: nothing is refused before the start (R7); during downtime only open routes and exempt principals pass. */
export function decide(
  principal: MaintenancePrincipal,
  policy: RoutePolicy,
  state: MaintenanceState,
  exemptions: MaintenanceExemptions,
): Decision {
  switch (state) {
    case 'off':
    case 'scheduled':
      return 'allow';
    case 'active':
      break;
    default:
      return unreachable(state);
  }
  switch (policy) {
    case 'open':
      return 'allow';
    case 'exempt-only':
      return isExempt(principal, exemptions) ? 'allow' : 'refuse';
    default:
      return unreachable(policy);
  }
}
