/**
 * Who is making a request, as far as the lockout cares. The host maps its own principal to this
 * (the `getPrincipal` option), so the module depends on no auth or users code.
 */
export type MaintenancePrincipal =
  | {
      kind: 'user';
      role: string;
      /** The login session (null while logging in, before a session exists). */
      sessionId: string | null;
      /** Recorded as the actor of changes, e.g. the user's e-mail address. */
      actor: string;
    }
  | { kind: 'integration'; integrationKind: string }
  | { kind: 'anonymous' };

export type MaintenancePrincipalKind = MaintenancePrincipal['kind'];
export const MAINTENANCE_PRINCIPAL_KINDS = [
  'user',
  'integration',
  'anonymous',
] as const satisfies readonly MaintenancePrincipalKind[];

/** A count for each principal kind. */
export type RefusalsByPrincipal = Record<MaintenancePrincipalKind, number>;

export function zeroByPrincipal(): RefusalsByPrincipal {
  return Object.fromEntries(
    MAINTENANCE_PRINCIPAL_KINDS.map((kind) => [kind, 0]),
  ) as RefusalsByPrincipal;
}

/** Who keeps working during downtime: the host names its own roles and integration kinds. */
export interface MaintenanceExemptions {
  roles: readonly string[];
  integrationKinds: readonly string[];
}

export function unreachable(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** Exempt principals keep working during downtime. */
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
