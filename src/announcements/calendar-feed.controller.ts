import { Controller, Get, Req, Res } from '@nestjs/common';
import {
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Public } from '../auth/auth.decorators.js';
import { AppConfig } from '../config/app-config.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';
import { MaintenanceEventEntity, MaintenanceWindowEntity } from '../maintenance/records.js';
import { windowCalendar, type AnnouncedWindow } from './announcement-calendar.js';
import { WINDOW_CHANGE_EVENTS } from './announcement.rules.js';

/** Calendars re-read the feed at most this often; a change is in every mail anyway. */
const MAX_AGE_SECONDS = 300;

/**
 * The maintenance window as an iCalendar feed for integrators and staff to subscribe to: the open
 * window (scheduled or active) or none. Public, open during downtime (R13), the same for everyone
 * (no personal data), so shared caches may keep it; the ETag lets clients revalidate cheaply.
 */
@ApiTags('maintenance')
@Controller('api/maintenance')
export class CalendarFeedController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @Get('window.ics')
  @Public()
  @AllowDuringMaintenance()
  @ApiOperation({ summary: 'Read the maintenance window as an iCalendar feed' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'An iCalendar (RFC 5545) document with the open window, if any',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match named the current ETag' })
  async feed(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body = windowCalendar(
      await this.openWindow(),
      'PUBLISH',
      this.config.PUBLIC_URL,
      this.config.DEFAULT_LANGUAGE,
    );
    response.set({
      'Cache-Control': `public, max-age=${MAX_AGE_SECONDS}`,
      ETag: `"${createHash('sha256').update(body).digest('base64url')}"`,
    });
    // Express compares If-None-Match with the ETag just set.
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    response.type('text/calendar; charset=utf-8').send(body);
  }

  private async openWindow(): Promise<AnnouncedWindow | null> {
    const window = await this.dataSource
      .getRepository(MaintenanceWindowEntity)
      .findOneBy({ turnedOffAt: IsNull() });
    if (!window) return null;
    const changes = await this.dataSource
      .getRepository(MaintenanceEventEntity)
      .createQueryBuilder('e')
      .select('COUNT(*)', 'n')
      .addSelect('MAX(e.at)', 'last')
      .where('e.window_id = :id', { id: window.id })
      .andWhere('e.type IN (:...types)', { types: WINDOW_CHANGE_EVENTS })
      .getRawOne<{ n: string | number; last: string | number }>();
    return {
      windowId: window.id,
      startsAt: window.startsAt,
      expectedEndAt: window.expectedEndAt,
      message: window.message,
      sequence: Math.max(0, Number(changes?.n ?? 1) - 1),
      changedAt: new Date(Number(changes?.last ?? window.updatedAt.getTime())),
    };
  }
}
