import {
  isExempt,
  unreachable,
  type MaintenanceExemptions,
  type MaintenancePrincipal,
} from './maintenance.principal.js';
import type { MaintenanceState } from './maintenance.state.js';

/** A route's policy during downtime: `open` to everybody (@AllowDuringMaintenance) or for exempt principals only. */
export const ROUTE_POLICIES = ['open', 'exempt-only'] as const;
export type RoutePolicy = (typeof ROUTE_POLICIES)[number];

export type Decision = 'allow' | 'refuse';

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
