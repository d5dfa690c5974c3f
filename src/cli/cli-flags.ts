import type { Type } from '@nestjs/common';
import { inspectBody, isHostileParameter } from '../common/hostile-input.js';
import { ProblemException, validationProblem, type FieldError } from '../common/problem.js';
import { createValidationPipe } from '../common/validation.js';
import { MaintenanceProblem } from '../maintenance/index.js';
import { CliRefusal, UsageError } from './cli-outcome.js';

/** The option that sets each API field, e.g. `{ companyId: '--company' }`: errors name the option. */
export type FlagNames = Readonly<Record<string, string>>;

const pipe = createValidationPipe();

const inTermsOf = (flags: FlagNames, errors: readonly FieldError[]): string =>
  errors.map(({ field, reason }) => `${flags[field] ?? field}: ${reason}`).join('; ');

/** The hostile-input check the API applies before its DTOs: to a body, or to query parameters. */
function hostileInput(input: Record<string, unknown>, where: 'body' | 'query'): FieldError | null {
  if (where === 'body') return inspectBody(input);
  const field = Object.keys(input).find((key) => {
    const value = input[key];
    return typeof value === 'string' && isHostileParameter(value);
  });
  return field ? { field, reason: 'must be valid UTF-8 without control characters' } : null;
}

/**
 * Checks options with exactly the API's input rules (its hostile-input check, then its DTO and
 * validation pipe), so the command line accepts and refuses what the API does. A failure is a usage
 * error (exit 2) that names the options.
 */
export function validated<T>(
  metatype: Type<T>,
  input: Record<string, unknown>,
  flags: FlagNames,
  where: 'body' | 'query' = 'body',
): Promise<T> {
  return validatedBy(
    (checked) => pipe.transform(checked, { type: where, metatype }) as Promise<T>,
    input,
    flags,
    where,
  );
}

/** The same as `validated`, with the validation of a module that owns its input (its own pipe). */
export async function validatedBy<T>(
  validate: (input: Record<string, unknown>) => Promise<T>,
  input: Record<string, unknown>,
  flags: FlagNames,
  where: 'body' | 'query' = 'body',
): Promise<T> {
  const hostile = hostileInput(input, where);
  try {
    if (hostile) throw validationProblem([hostile]);
    return await validate(input);
  } catch (error) {
    if (
      (error instanceof ProblemException || error instanceof MaintenanceProblem) &&
      error.problem.errors
    ) {
      throw new UsageError(inTermsOf(flags, error.problem.errors));
    }
    throw error;
  }
}

/** A stale version (R6): someone changed the setting between our read and our write. */
function isStaleVersion(error: MaintenanceProblem): boolean {
  return error.problem.status === 409 && 'currentVersion' in error.problem;
}

/**
 * Runs a change; a refusal by the platform's rules becomes one line in terms of the options
 * (exit 1), or exit 3 when the version the change was based on is no longer current.
 */
export async function refusedInTermsOf<T>(flags: FlagNames, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ProblemException || error instanceof MaintenanceProblem)) throw error;
    const errors = error.problem.errors;
    const detail = errors?.length ? inTermsOf(flags, errors) : error.problem.detail;
    const conflict = error instanceof MaintenanceProblem && isStaleVersion(error);
    throw new CliRefusal(detail, conflict ? 3 : 1);
  }
}
