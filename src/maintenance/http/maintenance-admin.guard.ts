import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceProblems } from './maintenance.problems.js';

/** R1: only the host's admin roles read or change the setting; anonymous gets 401. */
@Injectable()
export class MaintenanceAdminGuard implements CanActivate {
  constructor(
    private readonly problems: MaintenanceProblems,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = this.options.getPrincipal(context.switchToHttp().getRequest<Request>());
    if (principal.kind === 'anonymous') throw this.problems.signInFirst();
    if (principal.kind !== 'user' || !this.options.adminRoles.includes(principal.role)) {
      throw this.problems.adminOnly();
    }
    return true;
  }
}
