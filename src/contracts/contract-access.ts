import type { Principal, UserPrincipal } from '../auth/principal.js';
import { forbiddenProblem, unauthorizedProblem } from '../common/problem.js';
import type { Role } from '../users/role.js';
import type { ContractStatus } from './contract.entity.js';

/**
 * Who may do what with contracts and declarations (pure decisions; the services do the I/O).
 *
 * - Reading: candidates see their own contracts (contract.candidateId = their user id) and the
 *   declarations on them; clients see their company's (contract.clientCompanyId = their
 *   companyId); agency users, the exempt roles and the back-office link see everything.
 *   A record outside the reader's scope answers 404, as if it did not exist.
 * - Contracts are the agency's business: agency users, exempt roles and the back office create
 *   and change them; clients and candidates get 403.
 * - Declarations are written (created, hours/amount/note changed while still submitted) by the
 *   candidate on their own contract, or on their behalf by the agency, exempt roles and the back
 *   office. Clients get 403 for that.
 * - Deciding (status submitted → approved/rejected) is for the client of the contract, the exempt
 *   roles and the back office; candidates and agency users get 403.
 */
export type Actor = UserPrincipal | Extract<Principal, { kind: 'integration' }>;

const EXEMPT_ROLES: readonly Role[] = ['CUSTOMER_ADMIN', 'CONSULTANT'];

export type ContractScope =
  | { kind: 'all' }
  | { kind: 'candidate'; candidateId: string }
  | { kind: 'client'; clientCompanyId: string }
  | { kind: 'none' };

/** Only signed-in users and machine clients act on contracts; the access guard already ensured one. */
export function actorOf(principal: Principal): Actor {
  if (principal.kind === 'anonymous') throw unauthorizedProblem('Sign in first.');
  return principal;
}


export function contractScope(actor: Actor): ContractScope {
  if (actor.kind === 'integration') {
    return actor.client.kind === 'BACKOFFICE' ? { kind: 'all' } : { kind: 'none' };
  }
  switch (actor.user.role) {
    case 'CANDIDATE':
      return { kind: 'candidate', candidateId: actor.user.id };
    case 'CLIENT':
      return actor.user.companyId
        ? { kind: 'client', clientCompanyId: actor.user.companyId }
        : { kind: 'none' };
    default:
      return { kind: 'all' };
  }
}

function isStaff(actor: Actor): boolean {
  if (actor.kind === 'integration') return actor.client.kind === 'BACKOFFICE';
  return actor.user.role === 'AGENCY_USER' || EXEMPT_ROLES.includes(actor.user.role);
}

export function assertMayManageContracts(actor: Actor): void {
  if (!isStaff(actor)) throw forbiddenProblem('Only the agency manages contracts.');
}

/** Creating a declaration or changing its hours, amount or note (the contract is already in scope). */
export function assertMayWriteDeclaration(actor: Actor): void {
  if (actor.kind === 'user' && actor.user.role === 'CANDIDATE') return;
  if (!isStaff(actor)) throw forbiddenProblem('Only the candidate or the agency declares.');
}

/** Approving or rejecting a declaration (the contract is already in scope). */
export function assertMayDecide(actor: Actor): void {
  if (actor.kind === 'integration' && actor.client.kind === 'BACKOFFICE') return;
  if (
    actor.kind === 'user' &&
    (actor.user.role === 'CLIENT' || EXEMPT_ROLES.includes(actor.user.role))
  )
    return;
  throw forbiddenProblem('Only the client or an administrator approves or rejects declarations.');
}

const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  draft: ['active', 'ended'],
  active: ['ended'],
  ended: [],
};

/** Contracts move forward only: draft → active → ended (a draft may also end unused). */
export function contractTransitionAllowed(from: ContractStatus, to: ContractStatus): boolean {
  return from === to || CONTRACT_TRANSITIONS[from].includes(to);
}
