import { HttpException, HttpStatus } from '@nestjs/common';
import {
  MaintenanceDowntimeError,
  MaintenanceFieldError,
  MaintenanceVersionConflict,
} from '../rules/maintenance.errors.js';
import type {
  MaintenanceMessageCatalogue,
  MaintenanceMessages,
} from '../rules/maintenance.messages.js';
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

export interface MaintenanceFieldReason {
  field: string;
  reason: (messages: MaintenanceMessages) => string;
}

type Translatable = Pick<MaintenanceProblemDocument, 'title' | 'detail' | 'errors'>;

/**
 * Every error the module answers with: a problem document in the default language, its headers,
 * and the same human-readable parts in every other language. MaintenanceProblemRenderer renders it.
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

/**
 * The lockout's refusal (R14, R17): 503 problem+json, or for a refused page (@MaintenancePageRoute)
 * the 303 to `redirectTo` when the host named a maintenance page.
 */
export class MaintenanceRefusal extends MaintenanceProblem {
  constructor(
    problem: MaintenanceProblemDocument,
    headers: Record<string, string>,
    translations: Readonly<Record<string, Partial<Translatable>>>,
    /** The refused route renders a page: where to send it instead (null: answer the 503). */
    readonly redirectTo: string | null,
  ) {
    super(problem, headers, translations);
  }
}

export const MAINTENANCE_PROBLEM_TYPE = '/problems/maintenance';

/** How a refusal is answered: the route's kind, the host's page and the headers of R11. */
export interface RefusalPlace {
  page: boolean;
  pagePath: string | null;
  headers?: Record<string, string>;
}

/** Builds the module's problems in every language of the host's catalogue; the one mapper of domain errors. */
export class MaintenanceProblems {
  private readonly primary: MaintenanceMessages;

  constructor(
    private readonly catalogue: MaintenanceMessageCatalogue,
    private readonly defaultRetryAfter: number,
  ) {
    this.primary = Object.values(catalogue)[0];
  }

  /** The problem of a domain error (MaintenanceError), or undefined for any other error. */
  fromError(error: unknown, now: Date, place: RefusalPlace): MaintenanceProblem | undefined {
    if (error instanceof MaintenanceFieldError) return this.invalid([error]);
    if (error instanceof MaintenanceVersionConflict) return this.staleVersion(error.currentVersion);
    if (error instanceof MaintenanceDowntimeError) return this.refusal(error.window, now, place);
    return undefined;
  }

  /** 400 naming every field. */
  invalid(fields: MaintenanceFieldReason[]): MaintenanceProblem {
    const parts = (messages: MaintenanceMessages): Translatable => {
      const errors = fields.map(({ field, reason }) => ({ field, reason: reason(messages) }));
      return {
        title: 'Invalid request',
        detail: errors.map(({ field, reason }) => `${field}: ${reason}`).join('; '),
        errors,
      };
    };
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
    place: RefusalPlace,
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
        'Retry-After': String(retryAfterSeconds(window, now, this.defaultRetryAfter)),
        'Cache-Control': 'no-store',
      },
      this.translations(parts),
      place.page ? place.pagePath : null,
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
