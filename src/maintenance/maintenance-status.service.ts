import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { sha256 } from '../common/secrets.js';
import { isExempt } from './maintenance.decision.js';
import type { MaintenanceStatusDto } from './maintenance.dto.js';
import {
  MAINTENANCE_OPTIONS,
  type MaintenancePrincipal,
  type ResolvedMaintenanceOptions,
} from './maintenance.options.js';
import { isActiveTooLong } from './maintenance.scheduler.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import { maintenanceState, secondsUntil } from './maintenance.state.js';
import { MaintenanceStorage } from './maintenance.storage.js';

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

  forRequest(request: Request): Promise<MaintenanceStatusDto> {
    return this.status(this.principalOf(request));
  }

  async status(principal: MaintenancePrincipal): Promise<MaintenanceStatusDto> {
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

  /** R9: remembers that this session closed the notice for the current start (or for `startsAt`, if that is still current). */
  async acknowledge(principal: MaintenancePrincipal, startsAt?: Date): Promise<void> {
    const window = this.state.window();
    if (principal.kind !== 'user' || !principal.sessionId || !window) return;
    if (startsAt && startsAt.getTime() !== window.startsAt.getTime()) return;
    await this.storage.acknowledge(
      sha256(principal.sessionId),
      window.startsAt,
      this.options.clock.now(),
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
    return !(await this.storage.isAcknowledged(sha256(principal.sessionId), window.startsAt));
  }
}
