import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MaintenanceError } from '../rules/maintenance.errors.js';
import { MaintenanceProblemRenderer } from './maintenance-problem.renderer.js';
import { MaintenanceProblem } from './maintenance.problems.js';

/** For hosts without an exception filter of their own: the module's errors through its renderer. */
@Catch(MaintenanceProblem, MaintenanceError)
export class MaintenanceProblemFilter implements ExceptionFilter {
  constructor(private readonly renderer: MaintenanceProblemRenderer) {}

  catch(exception: MaintenanceProblem | MaintenanceError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.renderer.render(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}
