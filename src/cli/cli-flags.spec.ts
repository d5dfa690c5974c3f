import { CreateUserDto } from '../users/users.dto.js';
import { DEFAULT_MAINTENANCE_MESSAGES } from '../maintenance/index.js';
import { MaintenanceProblems } from '../maintenance/testing.js';
import { conflictProblem, fieldProblem } from '../common/problem.js';
import { refusedInTermsOf, validated } from './cli-flags.js';
import { CliRefusal, UsageError } from './cli-outcome.js';

const FLAGS = { displayName: '--name', companyId: '--company', email: '--email', role: '--role' };
const user = { email: 'a@example.com', displayName: 'A', role: 'CONSULTANT' };

async function usageLine(input: Record<string, unknown>, where?: 'body' | 'query') {
  const error = await validated(CreateUserDto, input, FLAGS, where).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

describe('validated: the API rules, in terms of the options', () => {
  it('passes what the API accepts, transformed as the API does', async () => {
    await expect(
      validated(CreateUserDto, { ...user, email: ' a@example.com ' }, FLAGS),
    ).resolves.toMatchObject({ email: 'a@example.com' });
  });
  it.each([
    ['ESC', 'Eve\u001b[2J'],
    ['BEL', 'Eve\u0007'],
    ['NUL', 'Eve\u0000'],
  ])('refuses %s in a name, naming --name, as the API refuses it in a body', async (_c, name) => {
    expect(await usageLine({ ...user, displayName: name })).toBe(
      '--name: must not contain control characters or unpaired surrogates',
    );
  });
  it('refuses in query parameters every control character, as the API does in a URL', async () => {
    expect(await usageLine({ ...user, displayName: 'a\tb' }, 'query')).toBe(
      '--name: must be valid UTF-8 without control characters',
    );
  });
  it("names the options in the DTO's messages", async () => {
    expect(await usageLine({ ...user, companyId: 'nope', email: 'x' })).toBe(
      '--email: must be an e-mail address; --company: must be a company id',
    );
  });
});

describe('refusedInTermsOf', () => {
  const problems = new MaintenanceProblems({ en: DEFAULT_MAINTENANCE_MESSAGES }, 3600);
  const refusal = async (error: Error) =>
    (await refusedInTermsOf({ companyId: '--company', startsAt: '--starts-at' }, () =>
      Promise.reject(error),
    ).catch((e: unknown) => e)) as CliRefusal;

  it('names the option a field problem is about (exit 1)', async () => {
    const error = await refusal(fieldProblem('companyId', 'is required for a CLIENT'));
    expect(error).toBeInstanceOf(CliRefusal);
    expect([error.message, error.exitCode]).toEqual(['--company: is required for a CLIENT', 1]);
    const start = await refusal(
      problems.invalid([{ field: 'startsAt', reason: (m) => m.startRequired() }]),
    );
    expect(start.message).toBe(`--starts-at: ${DEFAULT_MAINTENANCE_MESSAGES.startRequired()}`);
  });
  it('keeps the detail of any other refusal (exit 1)', async () => {
    const error = await refusal(conflictProblem('taken'));
    expect([error.message, error.exitCode]).toEqual(['taken', 1]);
  });
  it('a stale version is exit 3', async () => {
    const error = await refusal(problems.staleVersion(4));
    expect(error.exitCode).toBe(3);
  });
  it('passes other errors through', async () => {
    const other = new Error('connect ECONNREFUSED');
    expect(await refusal(other)).toBe(other);
  });
});
