import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { principalOf } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import {
  MaintenanceStatusService,
  AllowDuringMaintenance,
  MaintenancePageRoute,
} from '../maintenance/index.js';
import { VacanciesService } from '../public-forms/vacancies.service.js';
import { PageI18n } from './pages.i18n.js';
import { formatInstant } from './pages.time.js';
import { PageViews } from './pages.views.js';

/**
 * Only a same-site path may be the target after sign-in (no open redirect). Browsers drop
 * whitespace and control characters from a URL, so they are removed first; what is left must
 * start with exactly one `/` not followed by `/` or `\`. The page script applies the same rule.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string') return '';
  // eslint-disable-next-line no-control-regex -- browsers drop these, so must the check
  const path = value.replace(/[\s\u0000-\u001F\u007F]/g, '');
  return /^\/(?![/\\])/.test(path) ? path : '';
}

/** Pages for everybody, also during downtime (R13): sign-in, maintenance, job application, activation. */
@ApiExcludeController()
@Public()
@AllowDuringMaintenance()
@MaintenancePageRoute()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly views: PageViews,
    private readonly i18n: PageI18n,
    private readonly config: AppConfig,
    private readonly vacancies: VacanciesService,
    private readonly maintenance: MaintenanceStatusService,
  ) {}

  @Get('login')
  login(
    @Query('next') next: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> | void {
    if (principalOf(request).kind === 'user') return response.redirect(303, safeNext(next) || '/');
    return this.views.page(request, response, 'login', {
      title: 'login.title',
      data: { next: safeNext(next) },
    });
  }

  /** What is going on, since when, the message and the expected end; 503 while it lasts. */
  @Get('maintenance')
  async maintenancePage(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const status = await this.maintenance.forRequest(request);
    const active = status?.state === 'active';
    const language = this.i18n.languageOf(request);
    const zone = this.config.APP_TIMEZONE;
    const html = await this.views.page(request, response, 'maintenance', {
      title: active ? 'maintenance.title' : 'maintenance.offTitle',
      status: active ? 503 : 200,
      data: {
        active,
        sinceText: status?.startsAt ? formatInstant(new Date(status.startsAt), zone, language) : '',
        expectedEndText: status?.expectedEndAt
          ? formatInstant(new Date(status.expectedEndAt), zone, language)
          : '',
        message: status?.message,
      },
      script: { page: 'maintenance', active },
    });
    if (active && status?.expectedEndAt) {
      const seconds = Math.ceil((Date.parse(status.expectedEndAt) - Date.parse(status.now)) / 1000);
      if (seconds > 0) response.setHeader('Retry-After', String(seconds));
    }
    return html;
  }

  @Get('apply')
  async apply(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const open = await this.vacancies.listOpen({ page: 1, pageSize: 100 });
    return this.views.page(request, response, 'apply', {
      title: 'apply.title',
      data: { vacancies: open.items },
    });
  }

  @Get('activate')
  activate(
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.views.page(request, response, 'activate', {
      title: 'activate.title',
      data: { token: typeof token === 'string' ? token : '' },
    });
  }
}
