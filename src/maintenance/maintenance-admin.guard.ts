import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { adminOnlyProblem, signInFirstProblem } from './maintenance.errors.js';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from './maintenance.options.js';

/** R1: only the admin roles (customer admins and consultants) read or change the setting; anonymous gets 401. */
@Injectable()
export class MaintenanceAdminGuard implements CanActivate {
  constructor(@Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = this.options.getPrincipal(context.switchToHttp().getRequest<Request>());
    if (principal.kind === 'anonymous') throw signInFirstProblem();
    if (principal.kind !== 'user' || !this.options.adminRoles.includes(principal.role)) {
      throw adminOnlyProblem();
    }
    return true;
  }
}
