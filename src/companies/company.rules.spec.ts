import { companyNameKey, deactivationRefusal } from './company.rules.js';

describe('companyNameKey', () => {
  it('ignores case and Unicode compatibility forms', () => {
    expect(companyNameKey('ACME B.V.')).toBe(companyNameKey('acme b.v.'));
    expect(companyNameKey('Ａｃｍｅ')).toBe(companyNameKey('acme'));
    expect(companyNameKey('Café')).toBe(companyNameKey('CAFE\u0301'));
  });

  it('keeps different names apart', () => {
    expect(companyNameKey('Acme')).not.toBe(companyNameKey('Acme 2'));
  });
});

describe('deactivationRefusal', () => {
  it('allows a company without users or open contracts', () => {
    expect(deactivationRefusal({ users: 0, openContracts: 0 })).toBeUndefined();
  });

  it('refuses while users or open contracts remain, naming each', () => {
    expect(deactivationRefusal({ users: 1, openContracts: 0 })).toBe(
      'This company still has 1 active or invited user; disable the users and end the contracts first.',
    );
    expect(deactivationRefusal({ users: 0, openContracts: 2 })).toContain('2 open contracts');
    expect(deactivationRefusal({ users: 3, openContracts: 1 })).toContain(
      '3 active or invited users and 1 open contract',
    );
  });
});
