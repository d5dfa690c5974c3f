import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MaintenanceProblem, MaintenanceRefusal } from './maintenance.problems.js';

/**
 * For hosts without an RFC 9457 filter of their own: the module's problems as
 * application/problem+json in the client's language, and a refused page as the 303 (R14).
 */
@Catch(MaintenanceProblem)
export class MaintenanceProblemFilter implements ExceptionFilter {
  catch(exception: MaintenanceProblem, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    if (exception instanceof MaintenanceRefusal && exception.page) {
      response.redirect(303, exception.pagePath);
      return;
    }
    const language = request.acceptsLanguages(...exception.languages()) || '';
    response
      .status(exception.getStatus())
      .type('application/problem+json')
      .send(JSON.stringify(exception.in(language)));
  }
}
