import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { MAINTENANCE_OPTIONS, type ResolvedMaintenanceOptions } from '../maintenance.options.js';
import { MaintenanceStorage } from '../persistence/maintenance.storage.js';
import { isExempt, type MaintenancePrincipal } from '../rules/maintenance.principal.js';
import { isActiveTooLong, maintenanceState, secondsUntil } from '../rules/maintenance.state.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import type { MaintenanceStatusView } from './maintenance.views.js';

/** Acknowledgements are stored by a hash of the session id, never the id itself. */
function sessionKeyHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** R9: the notice shows once the start is at most this far away. */
export const NOTICE_LEAD_MS = 24 * 3_600_000;

/**
 * What a page header or an API client needs to know about maintenance, for one principal
 * (pages use it to render the countdown, banner and notice server-side).
 */
@Injectable()
export class MaintenanceStatusService {
  constructor(
    private readonly state: MaintenanceStateService,
    private readonly storage: MaintenanceStorage,
    @Inject(MAINTENANCE_OPTIONS) private readonly options: ResolvedMaintenanceOptions,
  ) {}

  /** The principal of a request, as the module sees it. */
  principalOf(request: Request): MaintenancePrincipal {
    return this.options.getPrincipal(request);
  }

  forRequest(request: Request): Promise<MaintenanceStatusView> {
    return this.status(this.principalOf(request));
  }

  async status(principal: MaintenancePrincipal): Promise<MaintenanceStatusView> {
    const window = this.state.window();
    const now = this.options.clock.now();
    return {
      state: maintenanceState(window, now),
      startsAt: window?.startsAt.toISOString() ?? null,
      secondsUntilStart: window ? secondsUntil(window.startsAt, now) : null,
      expectedEndAt: window?.expectedEndAt?.toISOString() ?? null,
      message: window?.message ?? null,
      noticeDue: await this.noticeDue(principal, now),
      now: now.toISOString(),
      exempt: isExempt(principal, this.options.exemptions),
      activeTooLong: isActiveTooLong(window, now, this.options.activeWarningHours),
    };
  }

  /** R9: remembers that this regular user's session closed the notice for the current start (or for `startsAt`, if that is still current). */
  async acknowledge(principal: MaintenancePrincipal, startsAt?: Date): Promise<void> {
    const window = this.state.window();
    // Exempt users get no notice, so they have none to close (and do not count as confirmations).
    if (
      principal.kind !== 'user' ||
      !principal.sessionId ||
      !window ||
      isExempt(principal, this.options.exemptions)
    ) {
      return;
    }
    if (startsAt && startsAt.getTime() !== window.startsAt.getTime()) return;
    await this.storage.acknowledge(
      sessionKeyHash(principal.sessionId),
      window.startsAt,
      this.options.clock.now(),
      principal.actor,
    );
  }

  private async noticeDue(principal: MaintenancePrincipal, now: Date): Promise<boolean> {
    const window = this.state.window();
    if (
      principal.kind !== 'user' ||
      !principal.sessionId ||
      !window ||
      isExempt(principal, this.options.exemptions) ||
      maintenanceState(window, now) !== 'scheduled' ||
      window.startsAt.getTime() - now.getTime() > NOTICE_LEAD_MS
    ) {
      return false;
    }
    return !(await this.storage.isAcknowledged(
      sessionKeyHash(principal.sessionId),
      window.startsAt,
    ));
  }
}
