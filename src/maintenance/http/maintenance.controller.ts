import { Controller, Get, HttpCode, Post, Put, Req, UseGuards, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from './api-doc.js';
import type { Request } from 'express';
import { parseRfc3339 } from '../rules/maintenance.rules.js';
import { MaintenanceImpactService } from '../runtime/maintenance-impact.service.js';
import { MaintenanceSettingsService } from '../runtime/maintenance-settings.service.js';
import { MaintenanceStatusService } from '../runtime/maintenance-status.service.js';
import { MaintenanceAdminGuard } from './maintenance-admin.guard.js';
import { MaintenanceSettingsInput } from './maintenance-settings.input.js';
import { AllowDuringMaintenance, MaintenancePublicRoute } from './maintenance.decorators.js';
import {
  AcknowledgeNoticeDto,
  MaintenanceEventsDto,
  MaintenanceEventsQueryDto,
  MaintenanceImpactDto,
  MaintenanceSettingsDto,
  MaintenanceStatusDto,
  UpdateMaintenanceSettingsDto,
} from './maintenance.dto.js';
import { MaintenanceBody, MaintenanceQuery } from './maintenance.validation.js';

/** Where the host mounts the module's routes. */
export interface MaintenanceRoutes {
  /** The setting, its events and impact (admin roles only, R1). */
  settings: string;
  /** The status and the notice acknowledgement. */
  status: string;
}

/** The module's controllers at the host's paths. */
export function maintenanceControllers(routes: MaintenanceRoutes): Type[] {
  /** The setting (R1–R6). Its input is validated by the module itself, whatever pipe the host uses. */
  @ApiTags('maintenance')
  @Controller(routes.settings)
  @UseGuards(MaintenanceAdminGuard)
  class MaintenanceSettingsController {
    constructor(
      private readonly settings: MaintenanceSettingsService,
      private readonly input: MaintenanceSettingsInput,
      private readonly status: MaintenanceStatusService,
      private readonly impact: MaintenanceImpactService,
    ) {}

    @Get()
    @ApiOperation({ summary: 'Read the maintenance setting' })
    @ApiOkResponse({ type: MaintenanceSettingsDto })
    get(): Promise<MaintenanceSettingsDto> {
      return this.settings.settings();
    }

    @Put()
    @ApiOperation({ summary: 'Schedule, change or turn off the maintenance window' })
    @ApiBody({ type: UpdateMaintenanceSettingsDto })
    @ApiConflictResponse({ description: 'The version is stale: someone else changed the setting' })
    @ApiOkResponse({ type: MaintenanceSettingsDto })
    update(
      @MaintenanceBody() body: UpdateMaintenanceSettingsDto,
      @Req() request: Request,
    ): Promise<MaintenanceSettingsDto> {
      const principal = this.status.principalOf(request);
      // The admin guard lets only users through.
      const actor = principal.kind === 'user' ? principal.actor : 'unknown';
      return this.input.update(body, actor);
    }

    @Get('events')
    @ApiOperation({ summary: 'List the maintenance event history, newest first' })
    @ApiQuery({ type: MaintenanceEventsQueryDto })
    @ApiOkResponse({ type: MaintenanceEventsDto })
    events(@MaintenanceQuery() query: MaintenanceEventsQueryDto): Promise<MaintenanceEventsDto> {
      return this.settings.events(query.page, query.pageSize);
    }

    @Get('impact')
    @ApiOperation({
      summary: 'Read who the maintenance window affects: signed in, confirmed, refused',
    })
    @ApiOkResponse({ type: MaintenanceImpactDto })
    readImpact(): Promise<MaintenanceImpactDto> {
      return this.impact.impact();
    }
  }

  /** What pages and API clients read about maintenance. */
  @ApiTags('maintenance')
  @Controller(routes.status)
  class MaintenanceStatusController {
    constructor(private readonly status: MaintenanceStatusService) {}

    /** Open to everybody, during downtime too (R13): the host's access guard honours MAINTENANCE_PUBLIC. */
    @Get('status')
    @ApiOperation({ summary: 'Read the maintenance status for this caller' })
    @AllowDuringMaintenance()
    @MaintenancePublicRoute()
    @ApiOkResponse({ type: MaintenanceStatusDto })
    get(@Req() request: Request): Promise<MaintenanceStatusDto> {
      return this.status.forRequest(request);
    }

    /** R9: this session has seen the notice (signed-in users only). */
    @Post('notice/ack')
    @ApiOperation({ summary: 'Acknowledge the maintenance notice for this session' })
    @ApiBody({ type: AcknowledgeNoticeDto })
    @HttpCode(204)
    @ApiNoContentResponse()
    async acknowledge(
      @MaintenanceBody() body: AcknowledgeNoticeDto,
      @Req() request: Request,
    ): Promise<void> {
      const startsAt = body.startsAt ? (parseRfc3339(body.startsAt) ?? undefined) : undefined;
      await this.status.acknowledge(this.status.principalOf(request), startsAt);
    }
  }

  return [MaintenanceSettingsController, MaintenanceStatusController];
}
