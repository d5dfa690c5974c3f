import { decide, ROUTE_POLICIES, type Decision, type RoutePolicy } from './maintenance.decision.js';
import type { MaintenanceExemptions, MaintenancePrincipal } from './maintenance.principal.js';
import { MAINTENANCE_STATES, type MaintenanceState } from './maintenance.state.js';

const ROLES = ['CUSTOMER_ADMIN', 'CONSULTANT', 'AGENCY_USER', 'CLIENT', 'CANDIDATE'] as const;
const INTEGRATION_KINDS = ['BACKOFFICE', 'THIRD_PARTY'] as const;
/** The platform's exemptions, as the host passes them. */
const EXEMPTIONS: MaintenanceExemptions = {
  roles: ['CUSTOMER_ADMIN', 'CONSULTANT'],
  integrationKinds: ['BACKOFFICE'],
};

/** Every principal the app can produce, labelled. */
const PRINCIPALS: Array<[string, MaintenancePrincipal]> = [
  ...ROLES.map((role): [string, MaintenancePrincipal] => [
    `user ${role}`,
    { kind: 'user', role, sessionId: 's', actor: 'a' },
  ]),
  ...INTEGRATION_KINDS.map((integrationKind): [string, MaintenancePrincipal] => [
    `integration ${integrationKind}`,
    { kind: 'integration', integrationKind },
  ]),
  ['anonymous', { kind: 'anonymous' }],
];

/** Who keeps working (docs/rules.md), written out independently of the implementation. */
function exemptBySpec(principal: MaintenancePrincipal): boolean {
  switch (principal.kind) {
    case 'user':
      return principal.role === 'CUSTOMER_ADMIN' || principal.role === 'CONSULTANT';
    case 'integration':
      return principal.integrationKind === 'BACKOFFICE';
    case 'anonymous':
      return false;
    default: {
      const unreachable: never = principal;
      return unreachable;
    }
  }
}

function expected(
  principal: MaintenancePrincipal,
  policy: RoutePolicy,
  state: MaintenanceState,
): Decision {
  switch (state) {
    case 'off':
    case 'scheduled':
      return 'allow'; // R7
    case 'active':
      return policy === 'open' || exemptBySpec(principal) ? 'allow' : 'refuse';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

const TABLE = PRINCIPALS.flatMap(([label, principal]) =>
  ROUTE_POLICIES.flatMap((policy) =>
    MAINTENANCE_STATES.map((state) => ({
      label,
      principal,
      policy,
      state,
      decision: expected(principal, policy, state),
    })),
  ),
);

describe('decide (principal × route policy × state)', () => {
  it('covers every combination', () => {
    expect(TABLE).toHaveLength(8 * 2 * 3);
  });

  it.each(TABLE)(
    '$label on an $policy route while $state → $decision',
    ({ principal, policy, state, decision }) => {
      expect(decide(principal, policy, state, EXEMPTIONS)).toBe(decision);
    },
  );

  it('refuses exactly the regular users, third-party links and anonymous visitors on locked routes during downtime', () => {
    const refused = TABLE.filter((row) => row.decision === 'refuse').map((row) => row.label);
    expect(refused).toEqual([
      'user AGENCY_USER',
      'user CLIENT',
      'user CANDIDATE',
      'integration THIRD_PARTY',
      'anonymous',
    ]);
  });

  it('follows configured exemptions', () => {
    const agency: MaintenancePrincipal = {
      kind: 'user',
      role: 'AGENCY_USER',
      sessionId: null,
      actor: 'a',
    };
    expect(
      decide(agency, 'exempt-only', 'active', { roles: ['AGENCY_USER'], integrationKinds: [] }),
    ).toBe('allow');
  });
});
