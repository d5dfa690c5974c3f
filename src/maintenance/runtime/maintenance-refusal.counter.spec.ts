import { MaintenanceRefusalCounter } from './maintenance-refusal.counter.js';

describe('MaintenanceRefusalCounter', () => {
  it('starts with every principal kind and surface at 0', () => {
    expect(new MaintenanceRefusalCounter().counts()).toEqual({
      user: { api: 0, page: 0, login: 0 },
      integration: { api: 0, page: 0, login: 0 },
      anonymous: { api: 0, page: 0, login: 0 },
    });
  });

  it('counts each refusal under its principal kind and surface', () => {
    const counter = new MaintenanceRefusalCounter();
    const user = { kind: 'user', role: 'CLIENT', sessionId: null, actor: 'a' } as const;
    counter.record(user, 'api');
    counter.record(user, 'api');
    counter.record(user, 'login');
    counter.record({ kind: 'anonymous' }, 'page');
    counter.record({ kind: 'integration', integrationKind: 'THIRD_PARTY' }, 'api');
    expect(counter.counts()).toEqual({
      user: { api: 2, page: 0, login: 1 },
      integration: { api: 1, page: 0, login: 0 },
      anonymous: { api: 0, page: 1, login: 0 },
    });
  });

  it('hands out a copy that later refusals do not change', () => {
    const counter = new MaintenanceRefusalCounter();
    const before = counter.counts();
    counter.record({ kind: 'anonymous' }, 'api');
    expect(before.anonymous.api).toBe(0);
    expect(counter.counts().anonymous.api).toBe(1);
  });
});
