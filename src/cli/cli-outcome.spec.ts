import { conflictProblem, fieldProblem } from '../common/problem.js';
import { DEFAULT_MAINTENANCE_MESSAGES } from '../maintenance/index.js';
import { MaintenanceProblems } from '../maintenance/testing.js';
import { CliRefusal, outcomeOf, UsageError } from './cli-outcome.js';

const commanderError = (code: string) => Object.assign(new Error(code), { code, exitCode: 1 });

describe('outcomeOf', () => {
  it('success is 0 with nothing to say', () => {
    expect(outcomeOf(undefined)).toEqual({ exitCode: 0 });
  });
  it('help and version are 0; commander has printed them', () => {
    expect(outcomeOf(commanderError('commander.helpDisplayed'))).toEqual({ exitCode: 0 });
    expect(outcomeOf(commanderError('commander.version'))).toEqual({ exitCode: 0 });
  });
  it.each([
    'commander.missingMandatoryOptionValue',
    'commander.unknownOption',
    'commander.unknownCommand',
    'commander.help',
    'commander.optionMissingArgument',
  ])('%s is a usage error (2); commander has printed the message', (code) => {
    expect(outcomeOf(commanderError(code))).toEqual({ exitCode: 2 });
  });
  it('our own usage errors are 2 with one line', () => {
    expect(outcomeOf(new UsageError('--limit must be a whole number'))).toEqual({
      exitCode: 2,
      message: 'error: --limit must be a whole number',
    });
  });
  it("the platform's refusals are 1 with the problem's detail as the line", () => {
    expect(outcomeOf(conflictProblem('taken'))).toEqual({ exitCode: 1, message: 'refused: taken' });
    expect(outcomeOf(fieldProblem('email', 'must be an e-mail address'))).toEqual({
      exitCode: 1,
      message: 'refused: email: must be an e-mail address',
    });
  });
  it("the maintenance module's refusals are 1 with the problem's detail as the line", () => {
    const problems = new MaintenanceProblems({ en: DEFAULT_MAINTENANCE_MESSAGES }, 3600);
    expect(
      outcomeOf(problems.invalid([{ field: 'startsAt', reason: (m) => m.notRfc3339() }])),
    ).toEqual({
      exitCode: 1,
      message: `refused: startsAt: ${DEFAULT_MAINTENANCE_MESSAGES.notRfc3339()}`,
    });
  });
  it('a refusal in terms of the options is 1, or 3 for a stale version', () => {
    expect(outcomeOf(new CliRefusal('--company: is required for a CLIENT'))).toEqual({
      exitCode: 1,
      message: 'refused: --company: is required for a CLIENT',
    });
    expect(outcomeOf(new CliRefusal('changed meanwhile', 3))).toEqual({
      exitCode: 3,
      message: 'refused: changed meanwhile',
    });
  });
  it('anything else is 1 with its message', () => {
    expect(outcomeOf(new Error('connect ECONNREFUSED'))).toEqual({
      exitCode: 1,
      message: 'error: connect ECONNREFUSED',
    });
    expect(outcomeOf('odd')).toEqual({ exitCode: 1, message: 'error: "odd"' });
  });
});
