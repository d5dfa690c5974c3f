import { HttpException, HttpStatus } from '@nestjs/common';
import type { Language } from './language.js';

/** RFC 9457 problem details as this API sends them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  reason: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `/problems/${slug}`;
}

/** The human-readable parts of a problem, in another language. */
export type ProblemTranslation = Partial<Pick<ProblemDetails, 'title' | 'detail' | 'errors'>>;

/** An HttpException whose response is already a problem document (English, with optional translations). */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
    readonly translations: Partial<Record<Language, ProblemTranslation>> = {},
  ) {
    super(problem, problem.status);
  }

  /** The problem document in the given language, as far as it is translated. */
  in(language: Language): ProblemDetails {
    return { ...this.problem, ...this.translations[language] };
  }
}

export function validationProblem(errors: FieldError[]): ProblemException {
  const detail = errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
  return new ProblemException({
    type: problemType('validation'),
    title: 'Invalid request',
    status: HttpStatus.BAD_REQUEST,
    detail,
    errors,
  });
}

export function fieldProblem(field: string, reason: string): ProblemException {
  return validationProblem([{ field, reason }]);
}

export function conflictProblem(
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemException {
  return new ProblemException({
    type: problemType('conflict'),
    title: 'Conflict',
    status: HttpStatus.CONFLICT,
    detail,
    ...extra,
  });
}

export function notFoundProblem(detail: string): ProblemException {
  return new ProblemException({
    type: problemType('not-found'),
    title: 'Not found',
    status: HttpStatus.NOT_FOUND,
    detail,
  });
}

export function forbiddenProblem(detail: string): ProblemException {
  return new ProblemException({
    type: problemType('forbidden'),
    title: 'Forbidden',
    status: HttpStatus.FORBIDDEN,
    detail,
  });
}

export function unauthorizedProblem(detail: string): ProblemException {
  return new ProblemException({
    type: problemType('unauthorized'),
    title: 'Unauthorized',
    status: HttpStatus.UNAUTHORIZED,
    detail,
  });
}

export function tooManyRequestsProblem(
  detail: string,
  retryAfterSeconds: number,
): ProblemException {
  return new ProblemException(
    {
      type: problemType('too-many-requests'),
      title: 'Too many requests',
      status: HttpStatus.TOO_MANY_REQUESTS,
      detail,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
