import type { Role, UserStatus } from './role.js';

/** The role that administers the platform; at least one must stay active. */
export const ADMIN_ROLE: Role = 'CUSTOMER_ADMIN';

/** The state of a user that the administration rules look at. */
export interface UserFacts {
  role: Role;
  status: UserStatus;
  companyId: string | null;
  hasPassword: boolean;
}

/** What an administrator asks to change. */
export interface UserChange {
  role?: Role;
  status?: 'active' | 'disabled';
  companyId?: string | null;
}

export type UserChangeDecision =
  | { kind: 'apply'; next: Pick<UserFacts, 'role' | 'status' | 'companyId'> }
  | { kind: 'refuse'; reason: 'last-admin' | 'invited-cannot-be-enabled' }
  | { kind: 'invalid'; field: 'companyId'; reason: 'client-needs-company' };

function isActiveAdmin(user: Pick<UserFacts, 'role' | 'status'>): boolean {
  return user.role === ADMIN_ROLE && user.status === 'active';
}

/** A CLIENT belongs to a company; the other roles never do. */
export function companyFor(role: Role, companyId: string | null): string | null {
  return role === 'CLIENT' ? companyId : null;
}

/** A CLIENT without a company cannot exist. */
export function lacksCompany(role: Role, companyId: string | null): boolean {
  return role === 'CLIENT' && companyId === null;
}

/**
 * The outcome of a change to one user. `otherActiveAdmins` counts the active customer admins
 * besides this user: disabling or demoting the last one would leave nobody to administer the platform.
 */
export function decideUserChange(
  current: UserFacts,
  change: UserChange,
  otherActiveAdmins: number,
): UserChangeDecision {
  const role = change.role ?? current.role;
  let status: UserStatus = current.status;
  if (change.status === 'disabled') status = 'disabled';
  if (change.status === 'active') {
    if (current.status === 'invited')
      return { kind: 'refuse', reason: 'invited-cannot-be-enabled' };
    // Disabled before the invitation was accepted: back to invited, not to a login without a password.
    status = current.hasPassword ? 'active' : 'invited';
  }
  const companyId = companyFor(
    role,
    change.companyId === undefined ? current.companyId : change.companyId,
  );
  if (lacksCompany(role, companyId)) {
    return { kind: 'invalid', field: 'companyId', reason: 'client-needs-company' };
  }
  if (isActiveAdmin(current) && !isActiveAdmin({ role, status }) && otherActiveAdmins === 0) {
    return { kind: 'refuse', reason: 'last-admin' };
  }
  return { kind: 'apply', next: { role, status, companyId } };
}
