import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import {
  MaintenanceProblem,
  MaintenanceProblems,
  MaintenanceRefusal,
} from './maintenance.problems.js';

/**
 * The one place the module's errors become responses: their headers, then the 303 of a refused page
 * (the refusal says whether it is one) or application/problem+json in the client's language. Every
 * exception filter calls it: the module's own filter for all of them, and a host's filter at least
 * for the refusals (`renderRefusal`), so that a refusal looks the same whoever catches it.
 */
@Injectable()
export class MaintenanceProblemRenderer {
  constructor(
    private readonly problems: MaintenanceProblems,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  /** Answers with the module's error; false (nothing sent) for any other exception. */
  render(exception: unknown, request: Request, response: Response): boolean {
    const problem = exception instanceof MaintenanceProblem ? exception : this.problemOf(exception);
    return problem ? this.send(problem, request, response) : false;
  }

  /** Answers with the lockout's refusal (R14, R15, R17); false (nothing sent) for any other exception. */
  renderRefusal(exception: unknown, request: Request, response: Response): boolean {
    const problem = exception instanceof MaintenanceProblem ? exception : this.problemOf(exception);
    return problem instanceof MaintenanceRefusal ? this.send(problem, request, response) : false;
  }

  /** A domain error that reached a filter without passing the module's interceptor (no route: no page). */
  private problemOf(exception: unknown): MaintenanceProblem | undefined {
    return this.problems.fromError(exception, this.options.clock.now(), {
      page: false,
      pagePath: null,
    });
  }

  private send(problem: MaintenanceProblem, request: Request, response: Response): true {
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    if (problem instanceof MaintenanceRefusal && problem.redirectTo) {
      response.redirect(303, problem.redirectTo);
      return true;
    }
    const language = this.options.languageOf(request);
    response
      .status(problem.getStatus())
      .type('application/problem+json')
      .send(JSON.stringify({ ...problem.in(language), instance: request.originalUrl }));
    return true;
  }
}
