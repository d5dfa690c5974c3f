import type { Request, Response } from 'express';
import { MaintenanceRefusal, type MaintenanceProblem } from './maintenance.problems.js';

/**
 * The one place a problem of the module becomes a response: its headers, then the 303 of a refused
 * page (the refusal says whether it is one) or application/problem+json in `language`. Every
 * exception filter calls it: the module's own, and a host's own filter for the module's refusals, so
 * that a refusal is answered alike whoever catches it.
 */
export function renderMaintenanceProblem(
  problem: MaintenanceProblem,
  request: Request,
  response: Response,
  language: string,
): void {
  for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
  if (problem instanceof MaintenanceRefusal && problem.redirectTo) {
    response.redirect(303, problem.redirectTo);
    return;
  }
  response
    .status(problem.getStatus())
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem.in(language), instance: request.originalUrl }));
}
