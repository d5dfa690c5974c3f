import type { NextFunction, Request, Response } from 'express';
import { HttpStatus } from '@nestjs/common';
import { fieldProblem, ProblemException, problemType, type FieldError } from './problem.js';

/** Limits on a parsed body; past them the request is refused before any code walks it. */
export const BODY_LIMITS = {
  /** Bytes of a JSON or form body (413 past it). */
  bytes: 100 * 1024,
  /** Nesting of objects and arrays. */
  depth: 16,
  /** Object keys and array items, counted over the whole body. */
  entries: 2_000,
};

/** Keys that reach an object's prototype machinery: never a field of this API. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls but tab, LF and CR (which multi-line text keeps), and a lone surrogate half. */
const HOSTILE_IN_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** In a path segment or query value every C0 control is refused (no field there is multi-line). */
const HOSTILE_IN_PARAMETER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isHostileText(text: string): boolean {
  return HOSTILE_IN_TEXT.test(text);
}

export function isHostileParameter(text: string): boolean {
  return HOSTILE_IN_PARAMETER.test(text);
}

const CONTROL_REASON = 'must not contain control characters or unpaired surrogates';

/**
 * The first reason to refuse a parsed body, or null: too deep, too many entries, a prototype
 * key, or a string (key or value) with a control character or a lone surrogate. Iterative, so
 * that any nesting is safe to inspect.
 */
export function inspectBody(body: unknown, limits = BODY_LIMITS): FieldError | null {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '', depth: 0 },
  ];
  let entries = 0;
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (isHostileText(value)) return { field: path || 'body', reason: CONTROL_REASON };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.depth) {
      return {
        field: path || 'body',
        reason: `must not be nested more than ${limits.depth} levels deep`,
      };
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (++entries > limits.entries) {
        return { field: 'body', reason: `must have at most ${limits.entries} fields and items` };
      }
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) {
        return { field: childPath, reason: 'is not an allowed field' };
      }
      if (isHostileText(key)) return { field: path || 'body', reason: CONTROL_REASON };
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/** Percent-decodes one URL component; null when it is not valid UTF-8. */
function decode(component: string): string | null {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const PARAMETER_REASON = 'must be valid UTF-8 without control characters';

/** The first path segment or query parameter to refuse, or null. */
export function inspectUrl(url: string): FieldError | null {
  const [path, query = ''] = url.split(/\?(.*)/s, 2);
  for (const segment of path.split('/')) {
    const text = decode(segment);
    if (text === null || isHostileParameter(text))
      return { field: 'path', reason: PARAMETER_REASON };
  }
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const [rawName, rawValue = ''] = pair.split(/=(.*)/s, 2);
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === null || isHostileParameter(name))
      return { field: 'query', reason: PARAMETER_REASON };
    if (value === null || isHostileParameter(value))
      return { field: name, reason: PARAMETER_REASON };
  }
  return null;
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function isApiPath(request: Request): boolean {
  return request.path.toLowerCase().startsWith('/api/');
}

/**
 * Before parsing: a URL with control characters or broken encoding is 400; an /api body that is
 * not JSON is 415 (the API takes JSON only, so a cross-site HTML form cannot post to it).
 */
export function refuseHostileRequests(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const problem = inspectUrl(request.originalUrl);
  if (problem) return next(fieldProblem(problem.field, problem.reason));
  if (
    isApiPath(request) &&
    hasBody(request) &&
    !request.is(['application/json', 'application/*+json'])
  ) {
    return next(
      new ProblemException({
        type: problemType('unsupported-media-type'),
        title: 'Unsupported media type',
        status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        detail: 'The API takes request bodies as application/json only.',
      }),
    );
  }
  next();
}

/** After parsing: the parsed body within the limits, with no prototype keys or control characters. */
export function refuseHostileBodies(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const problem = inspectBody(request.body);
  next(problem ? fieldProblem(problem.field, problem.reason) : undefined);
}
