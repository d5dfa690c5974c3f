import type { Principal, UserPrincipal } from '../auth/principal.js';
import type { Role } from '../users/role.js';
import {
  assertMayDecide,
  assertMayManageContracts,
  assertMayWriteDeclaration,
  contractScope,
  contractTransitionAllowed,
  type Actor,
} from './contract-access.js';

const user = (role: Role, companyId: string | null = null): UserPrincipal => ({
  kind: 'user',
  user: { id: `id-${role}`, email: `${role}@x`, displayName: role, role, companyId },
  sessionId: 's',
  csrfToken: 'c',
});
const integration = (kind: 'THIRD_PARTY' | 'BACKOFFICE'): Actor =>
  ({ kind: 'integration', client: { id: `id-${kind}`, name: kind, kind } }) satisfies Principal;

const allowed = (check: (actor: Actor) => void, actor: Actor) => {
  try {
    check(actor);
    return true;
  } catch {
    return false;
  }
};

describe('contract access decisions', () => {
  it('scopes by role', () => {
    expect(contractScope(user('CANDIDATE'))).toEqual({
      kind: 'candidate',
      candidateId: 'id-CANDIDATE',
    });
    expect(contractScope(user('CLIENT', 'co-1'))).toEqual({
      kind: 'client',
      clientCompanyId: 'co-1',
    });
    expect(contractScope(user('CLIENT'))).toEqual({ kind: 'none' });
    for (const role of ['AGENCY_USER', 'CUSTOMER_ADMIN', 'CONSULTANT'] as const)
      expect(contractScope(user(role))).toEqual({ kind: 'all' });
    expect(contractScope(integration('BACKOFFICE'))).toEqual({ kind: 'all' });
    expect(contractScope(integration('THIRD_PARTY'))).toEqual({ kind: 'none' });
  });

  it.each([
    // role, manage contracts, write declarations, decide, regular (R15 fence applies)
    ['CUSTOMER_ADMIN', true, true, true],
    ['CONSULTANT', true, true, true],
    ['AGENCY_USER', true, true, false],
    ['CLIENT', false, false, true],
    ['CANDIDATE', false, true, false],
  ] as const)(
    '%s: manage %s, declare %s, decide %s',
    (role, manage, declare, decide) => {
      const actor = user(role, 'co');
      expect(allowed(assertMayManageContracts, actor)).toBe(manage);
      expect(allowed(assertMayWriteDeclaration, actor)).toBe(declare);
      expect(allowed(assertMayDecide, actor)).toBe(decide);
    },
  );

  it('the back office may do everything; a third party nothing', () => {
    const backoffice = integration('BACKOFFICE');
    for (const check of [assertMayManageContracts, assertMayWriteDeclaration, assertMayDecide])
      expect(allowed(check, backoffice)).toBe(true);
    const partner = integration('THIRD_PARTY');
    for (const check of [assertMayManageContracts, assertMayWriteDeclaration, assertMayDecide])
      expect(allowed(check, partner)).toBe(false);
  });

  it('contract status moves forward only', () => {
    expect(contractTransitionAllowed('draft', 'active')).toBe(true);
    expect(contractTransitionAllowed('draft', 'ended')).toBe(true);
    expect(contractTransitionAllowed('active', 'ended')).toBe(true);
    expect(contractTransitionAllowed('active', 'active')).toBe(true);
    expect(contractTransitionAllowed('active', 'draft')).toBe(false);
    expect(contractTransitionAllowed('ended', 'active')).toBe(false);
    expect(contractTransitionAllowed('ended', 'draft')).toBe(false);
  });
});
