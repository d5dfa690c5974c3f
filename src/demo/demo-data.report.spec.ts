import { describeRemoval, DEMO_REMOVE_COMMAND, productionRefusal } from './demo-data.report.js';

describe('productionRefusal', () => {
  it('lets a start without demo credentials through', () => {
    expect(productionRefusal({ accounts: 0, sessions: 0, linkTokens: 0 })).toBeUndefined();
  });

  it.each([
    [
      { accounts: 1, sessions: 0, linkTokens: 0 },
      '1 demo account, 0 demo sessions, 0 demo link tokens',
    ],
    [
      { accounts: 0, sessions: 2, linkTokens: 0 },
      '0 demo accounts, 2 demo sessions, 0 demo link tokens',
    ],
    [
      { accounts: 0, sessions: 0, linkTokens: 1 },
      '0 demo accounts, 0 demo sessions, 1 demo link token',
    ],
  ])('refuses any demo credential (%j) and names the counts and the command', (found, counts) => {
    const line = productionRefusal(found)!;
    expect(line).toContain(`(${counts})`);
    expect(line).toContain(DEMO_REMOVE_COMMAND);
    expect(line).not.toContain('\n');
  });
});

describe('describeRemoval', () => {
  it('says there was nothing when every count is zero', () => {
    expect(describeRemoval({ removed: { accounts: 0, sessions: 0 }, keptCompanies: 0 })).toBe(
      'nothing to remove',
    );
  });

  it('lists what went and what was kept', () => {
    expect(
      describeRemoval({ removed: { accounts: 6, sessions: 0, contracts: 3 }, keptCompanies: 1 }),
    ).toBe('removed 6 accounts, 3 contracts; kept 1 demo company that other users belong to');
  });
});
