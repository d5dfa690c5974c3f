import type { Type } from '@nestjs/common';
import { createValidationPipe } from '../common/validation.js';
import type { Language } from '../common/language.js';
import { ProblemException, type ProblemDetails } from '../common/problem.js';
import { MaintenanceProblem } from '../maintenance/index.js';

/** A posted HTML form: every value is a string (or absent). */
export type FormBody = Record<string, unknown>;

const pipe = createValidationPipe();

/** A text field; an empty field counts as not filled in. */
export function text(body: FormBody, name: string): string | undefined {
  const value = body[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A number field; "12,5" is read as 12.5 (Dutch decimal comma). Anything else is passed on for the DTO to refuse. */
export function number(body: FormBody, name: string): number | string | undefined {
  const value = text(body, name);
  if (value === undefined) return undefined;
  const normalised = value.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : value;
}

/** Drops the fields that were left empty, so the DTO sees only what the user filled in. */
function filled(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Validates like the JSON API does (same DTO, same pipe), so the page shows the same errors. */
async function validateAs<T>(metatype: Type<T>, value: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(value, { type: 'body', metatype })) as T;
}

/**
 * Validates a form's values into the DTO and saves it. Returns the problem to show next to the user's
 * input when that fails (see formProblem), in the page's language, or nothing when it was saved.
 */
export async function saveForm<T>(
  metatype: Type<T>,
  values: Record<string, unknown>,
  save: (dto: T) => Promise<unknown>,
  language: Language,
): Promise<ProblemDetails | undefined> {
  try {
    await save(await validateAs(metatype, filled(values)));
    return undefined;
  } catch (error) {
    return formProblem(error, language);
  }
}

/**
 * The problem a form shows next to the user's input: bad input, no right, gone, or a conflict.
 * Anything else (the maintenance refusal of R15 included) is not the form's business and is rethrown.
 */
export function formProblem(error: unknown, language: Language): ProblemDetails {
  const shown = error instanceof ProblemException || error instanceof MaintenanceProblem;
  if (shown && [400, 403, 404, 409].includes(error.problem.status)) return error.in(language);
  throw error;
}

/** Runs a test that throws when something is not allowed, as a yes/no. */
export function allowed(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
