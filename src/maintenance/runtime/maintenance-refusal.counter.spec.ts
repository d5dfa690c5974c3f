import { MaintenanceRefusalCounter } from './maintenance-refusal.counter.js';

const user = { kind: 'user', role: 'CLIENT', sessionId: null, actor: 'a' } as const;
const integration = { kind: 'integration', integrationKind: 'THIRD_PARTY' } as const;

describe('MaintenanceRefusalCounter', () => {
  it('starts with every principal kind and surface at 0, nothing pending', () => {
    const counter = new MaintenanceRefusalCounter();
    expect(counter.counts()).toEqual({
      user: { api: 0, page: 0, login: 0 },
      integration: { api: 0, page: 0, login: 0 },
      anonymous: { api: 0, page: 0, login: 0 },
    });
    expect(counter.takePending().size).toBe(0);
  });

  it('counts each refusal under its principal kind and surface', () => {
    const counter = new MaintenanceRefusalCounter();
    counter.record(user, 'api', 'w1');
    counter.record(user, 'api', 'w1');
    counter.record(user, 'login', 'w1');
    counter.record({ kind: 'anonymous' }, 'page', 'w1');
    counter.record(integration, 'api', 'w1');
    expect(counter.counts()).toEqual({
      user: { api: 2, page: 0, login: 1 },
      integration: { api: 1, page: 0, login: 0 },
      anonymous: { api: 0, page: 1, login: 0 },
    });
  });

  it('hands out a copy that later refusals do not change', () => {
    const counter = new MaintenanceRefusalCounter();
    const before = counter.counts();
    counter.record({ kind: 'anonymous' }, 'api', 'w1');
    expect(before.anonymous.api).toBe(0);
    expect(counter.counts().anonymous.api).toBe(1);
  });

  it('keeps the deltas per window by principal kind; taking them empties them, the totals stay', () => {
    const counter = new MaintenanceRefusalCounter();
    counter.record(user, 'api', 'w1');
    counter.record(user, 'page', 'w1');
    counter.record(integration, 'api', 'w1');
    counter.record({ kind: 'anonymous' }, 'login', 'w2');
    expect(counter.takePending()).toEqual(
      new Map([
        ['w1', { user: 2, integration: 1, anonymous: 0 }],
        ['w2', { user: 0, integration: 0, anonymous: 1 }],
      ]),
    );
    expect(counter.takePending().size).toBe(0);
    counter.record(user, 'api', 'w1');
    expect(counter.takePending()).toEqual(
      new Map([['w1', { user: 1, integration: 0, anonymous: 0 }]]),
    );
    expect(counter.counts().user.api).toBe(2);
  });

  it('adds restored deltas (a failed flush) to the refusals counted meanwhile', () => {
    const counter = new MaintenanceRefusalCounter();
    counter.record(user, 'api', 'w1');
    const failed = counter.takePending();
    counter.record(user, 'api', 'w1');
    counter.record(integration, 'api', 'w1');
    counter.restorePending(failed);
    expect(counter.takePending()).toEqual(
      new Map([['w1', { user: 2, integration: 1, anonymous: 0 }]]),
    );
  });
});
