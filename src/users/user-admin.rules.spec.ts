import { ROLES, USER_STATUSES, type UserStatus } from './role.js';
import {
  companyFor,
  decideUserChange,
  lacksCompany,
  type UserChange,
  type UserFacts,
} from './user-admin.rules.js';

const facts = (overrides: Partial<UserFacts> = {}): UserFacts => ({
  role: 'AGENCY_USER',
  status: 'active',
  companyId: null,
  hasPassword: true,
  ...overrides,
});
const admin = facts({ role: 'CUSTOMER_ADMIN' });

describe('companyFor', () => {
  it.each(ROLES.filter((role) => role !== 'CLIENT'))('%s never has a company', (role) => {
    expect(companyFor(role, 'c1')).toBeNull();
    expect(companyFor(role, null)).toBeNull();
  });
  it('a CLIENT keeps its company, and without one it lacks it', () => {
    expect(companyFor('CLIENT', 'c1')).toBe('c1');
    expect(lacksCompany('CLIENT', null)).toBe(true);
    expect(lacksCompany('CLIENT', 'c1')).toBe(false);
  });
  it.each(ROLES.filter((role) => role !== 'CLIENT'))('%s never lacks a company', (role) => {
    expect(lacksCompany(role, null)).toBe(false);
  });
});

describe('decideUserChange: the last active customer admin', () => {
  it('cannot be disabled', () => {
    expect(decideUserChange(admin, { status: 'disabled' }, 0)).toEqual({
      kind: 'refuse',
      reason: 'last-admin',
    });
  });
  it.each(ROLES.filter((role) => role !== 'CUSTOMER_ADMIN'))('cannot be demoted to %s', (role) => {
    const change: UserChange = role === 'CLIENT' ? { role, companyId: 'c1' } : { role };
    expect(decideUserChange(admin, change, 0)).toEqual({ kind: 'refuse', reason: 'last-admin' });
  });
  it('can be disabled or demoted while another active admin remains', () => {
    expect(decideUserChange(admin, { status: 'disabled' }, 1)).toEqual({
      kind: 'apply',
      next: { role: 'CUSTOMER_ADMIN', status: 'disabled', companyId: null },
    });
    expect(decideUserChange(admin, { role: 'CONSULTANT' }, 1)).toMatchObject({ kind: 'apply' });
  });
  it('can be renamed, or kept as it is', () => {
    expect(decideUserChange(admin, {}, 0)).toMatchObject({ kind: 'apply' });
    expect(decideUserChange(admin, { role: 'CUSTOMER_ADMIN', status: 'active' }, 0)).toMatchObject({
      kind: 'apply',
    });
  });
  it('an invited or disabled admin is not an active one, so changing it never counts', () => {
    for (const status of ['invited', 'disabled'] as const) {
      const user = facts({ role: 'CUSTOMER_ADMIN', status, hasPassword: status === 'disabled' });
      expect(decideUserChange(user, { role: 'CONSULTANT' }, 0)).toMatchObject({ kind: 'apply' });
    }
  });
});

describe('decideUserChange: status', () => {
  const cases: Array<[UserStatus, boolean, 'active' | 'disabled', UserStatus | 'refused']> = [];
  for (const status of USER_STATUSES) {
    for (const hasPassword of [true, false]) {
      cases.push([status, hasPassword, 'disabled', 'disabled']);
      cases.push([
        status,
        hasPassword,
        'active',
        status === 'invited' ? 'refused' : hasPassword ? 'active' : 'invited',
      ]);
    }
  }
  it.each(cases)('%s (password: %s) asked to be %s → %s', (status, hasPassword, asked, result) => {
    const decision = decideUserChange(facts({ status, hasPassword }), { status: asked }, 0);
    if (result === 'refused') {
      expect(decision).toEqual({ kind: 'refuse', reason: 'invited-cannot-be-enabled' });
    } else {
      expect(decision).toMatchObject({ kind: 'apply', next: { status: result } });
    }
  });
});

describe('decideUserChange: company', () => {
  it('a CLIENT without a company is invalid; with one it is kept', () => {
    expect(decideUserChange(facts(), { role: 'CLIENT' }, 0)).toEqual({
      kind: 'invalid',
      field: 'companyId',
      reason: 'client-needs-company',
    });
    expect(decideUserChange(facts(), { role: 'CLIENT', companyId: 'c1' }, 0)).toMatchObject({
      next: { role: 'CLIENT', companyId: 'c1' },
    });
  });
  it('leaving the CLIENT role drops the company', () => {
    const client = facts({ role: 'CLIENT', companyId: 'c1' });
    expect(decideUserChange(client, { role: 'CANDIDATE' }, 0)).toMatchObject({
      next: { role: 'CANDIDATE', companyId: null },
    });
  });
});
