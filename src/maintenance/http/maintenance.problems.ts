import { HttpException, HttpStatus } from '@nestjs/common';
import type { MaintenanceMessageCatalogue, MaintenanceMessages } from './maintenance.messages.js';
import { retryAfterSeconds } from '../rules/maintenance.state.js';

/** An RFC 9457 problem document, as the module's errors carry it. */
export interface MaintenanceProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; reason: string }>;
  [extension: string]: unknown;
}

type Translatable = Pick<MaintenanceProblemDocument, 'title' | 'detail' | 'errors'>;

/**
 * Every error the module raises: an HttpException whose response is a problem document in the
 * default language, with its headers and the same human-readable parts in every other language.
 * A host with its own problem filter renders `in(language)` and sets `headers`; any other host can
 * register MaintenanceProblemFilter.
 */
export class MaintenanceProblem extends HttpException {
  constructor(
    readonly problem: MaintenanceProblemDocument,
    readonly headers: Record<string, string>,
    private readonly translations: Readonly<Record<string, Partial<Translatable>>>,
  ) {
    super(problem, problem.status);
  }

  /** The languages it is written in, the default first. */
  languages(): string[] {
    return Object.keys(this.translations);
  }

  /** The problem document in the given language (the default language for any other). */
  in(language: string): MaintenanceProblemDocument {
    return { ...this.problem, ...this.translations[language] };
  }
}

/** The lockout's refusal (R14, R17): 503 problem+json for an API request, 303 to the maintenance page for a page. */
export class MaintenanceRefusal extends MaintenanceProblem {
  constructor(
    problem: MaintenanceProblemDocument,
    headers: Record<string, string>,
    translations: Readonly<Record<string, Partial<Translatable>>>,
    /** Where a refused page request is sent. */
    readonly pagePath: string,
    /** The refused route renders a page (@MaintenancePageRoute): answer with the 303. */
    readonly page: boolean,
  ) {
    super(problem, headers, translations);
  }
}

export const MAINTENANCE_PROBLEM_TYPE = '/problems/maintenance';

/** Builds the module's problems in every language of the host's catalogue. */
export class MaintenanceProblems {
  private readonly primary: MaintenanceMessages;

  constructor(private readonly catalogue: MaintenanceMessageCatalogue) {
    this.primary = Object.values(catalogue)[0];
  }

  /** 400 naming the field. */
  field(field: string, message: (messages: MaintenanceMessages) => string): MaintenanceProblem {
    const parts = (messages: MaintenanceMessages): Translatable => ({
      title: 'Invalid request',
      detail: `${field}: ${message(messages)}`,
      errors: [{ field, reason: message(messages) }],
    });
    return this.build({ type: '/problems/validation', status: HttpStatus.BAD_REQUEST }, parts);
  }

  /** 409 for a change based on a stale version (R6). */
  staleVersion(current: number): MaintenanceProblem {
    return this.build(
      { type: '/problems/conflict', status: HttpStatus.CONFLICT, currentVersion: current },
      (messages) => ({ title: 'Conflict', detail: messages.staleVersion(current) }),
    );
  }

  /** R1: 401 for anonymous. */
  signInFirst(): MaintenanceProblem {
    return this.build({ type: '/problems/unauthorized', status: HttpStatus.UNAUTHORIZED }, (m) => ({
      title: 'Unauthorized',
      detail: m.signInFirst(),
    }));
  }

  /** R1: 403 for every principal outside the admin roles. */
  adminOnly(): MaintenanceProblem {
    return this.build({ type: '/problems/forbidden', status: HttpStatus.FORBIDDEN }, (m) => ({
      title: 'Forbidden',
      detail: m.adminOnly(),
    }));
  }

  /** R17: 503 with startsAt, Retry-After and Cache-Control: no-store, plus any headers given (R11). */
  refusal(
    window: { startsAt: Date; expectedEndAt: Date | null },
    now: Date,
    defaultRetryAfter: number,
    place: { pagePath: string; page: boolean; headers?: Record<string, string> },
  ): MaintenanceRefusal {
    const parts = (messages: MaintenanceMessages): Translatable => ({
      title: messages.refusalTitle(),
      detail: messages.refusalDetail(window.startsAt),
    });
    return new MaintenanceRefusal(
      {
        type: MAINTENANCE_PROBLEM_TYPE,
        status: HttpStatus.SERVICE_UNAVAILABLE,
        ...parts(this.primary),
        startsAt: window.startsAt.toISOString(),
        ...(window.expectedEndAt ? { expectedEndAt: window.expectedEndAt.toISOString() } : {}),
      },
      {
        ...place.headers,
        'Retry-After': String(retryAfterSeconds(window, now, defaultRetryAfter)),
        'Cache-Control': 'no-store',
      },
      this.translations(parts),
      place.pagePath,
      place.page,
    );
  }

  private build(
    fixed: { type: string; status: number; [extension: string]: unknown },
    parts: (messages: MaintenanceMessages) => Translatable,
  ): MaintenanceProblem {
    return new MaintenanceProblem(
      { ...fixed, ...parts(this.primary) },
      {},
      this.translations(parts),
    );
  }

  private translations(
    parts: (messages: MaintenanceMessages) => Translatable,
  ): Record<string, Translatable> {
    return Object.fromEntries(
      Object.entries(this.catalogue).map(([language, messages]) => [language, parts(messages)]),
    );
  }
}
