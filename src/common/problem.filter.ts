import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { MaintenanceRefusal, renderMaintenanceProblem } from '../maintenance/index.js';
import { dependencyUnavailableProblem, unavailableDependency } from './dependency-failure.js';
import { languageOf, type Language } from './language.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.js';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Renders a non-API error (a page request); the pages module replaces this with its own renderer. */
export abstract class PageErrorRenderer {
  abstract render(
    request: Request,
    response: Response,
    problem: ProblemDetails,
    exception: unknown,
  ): void;
}

/**
 * An exception that carries its own problem document, headers and translations: ProblemException,
 * or a library's own such as the maintenance module's MaintenanceProblem.
 */
interface CarriesProblem {
  readonly headers: Record<string, string>;
  in(language: Language): ProblemDetails;
}

function carriesProblem(exception: unknown): exception is HttpException & CarriesProblem {
  return (
    exception instanceof HttpException &&
    typeof (exception as Partial<CarriesProblem>).in === 'function' &&
    typeof (exception as Partial<CarriesProblem>).headers === 'object'
  );
}

function describe(message: unknown, fallback: string): string {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return fallback;
}

export function toProblem(
  exception: unknown,
  instance: string,
  language: Language = 'en',
): ProblemDetails {
  if (carriesProblem(exception)) return { ...exception.in(language), instance };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = describe(
      typeof body === 'string' ? body : (body as { message?: unknown }).message,
      exception.message,
    );
    return {
      type: problemType(status === 404 ? 'not-found' : `http-${status}`),
      title: TITLES[status] ?? 'Error',
      status,
      detail: message,
      instance,
    };
  }
  return {
    type: problemType('internal'),
    title: TITLES[500],
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'An unexpected error occurred.',
    instance,
  };
}

export function isApiRequest(request: Request): boolean {
  const path = request.path.toLowerCase();
  return (
    ['/api', '/health', '/metrics'].some((prefix) => path.startsWith(prefix)) ||
    !request.accepts('html')
  );
}

/**
 * Every error becomes application/problem+json (RFC 9457) for API clients, or the pages' HTML; the
 * maintenance module's refusals go to its own renderer (one place, whichever filter catches them).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(
    private readonly pageRenderer?: PageErrorRenderer,
    private readonly defaultLanguage: Language = 'en',
  ) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    // A dependency that is down or busy is not a bug: 503 with Retry-After, and one warning line.
    const dependency = unavailableDependency(thrown);
    if (dependency) {
      const cause =
        thrown instanceof Error && thrown.cause instanceof Error ? thrown.cause : thrown;
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.logger.warn({ event: 'dependency-unavailable', dependency, reason });
    }
    const exception = dependency ? dependencyUnavailableProblem() : thrown;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = languageOf(request, this.defaultLanguage);
    if (exception instanceof MaintenanceRefusal && !response.headersSent) {
      // The module's one renderer: the 303 of a refused page (R14, R15) or the 503 (R17).
      renderMaintenanceProblem(exception, request, response, language);
      return;
    }
    const problem = toProblem(exception, request.originalUrl, language);
    if (problem.status >= 500 && !(exception instanceof HttpException)) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.headersSent) return;
    if (carriesProblem(exception)) {
      for (const [name, value] of Object.entries(exception.headers))
        response.setHeader(name, value);
    }
    if (this.pageRenderer && !isApiRequest(request)) {
      this.pageRenderer.render(request, response, problem, exception);
      return;
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
