import { AnnouncementsJob } from '../announcements/announcements.job.js';
import type { AnnouncementProgress } from '../announcements/announcement.rules.js';
import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ProblemDetails } from '../common/problem.js';
import { AppConfig } from '../config/app-config.js';
import {
  MaintenanceAdminGuard,
  MaintenanceImpactService,
  MaintenanceSettingsService,
  MaintenanceStatusService,
  MaintenancePageRoute,
  MaintenanceSettingsInput,
  type MaintenanceEventView,
  type MaintenanceSettingsView,
} from '../maintenance/index.js';
import { impactFigures, impactSentence, impactState } from './pages.impact.js';
import { PageI18n, type Language } from './pages.i18n.js';
import { formProblem, text, type FormBody } from './pages.forms.js';
import { formatInstant, formatShort, fromLocalInput, toLocalInput } from './pages.time.js';
import { PageViews } from './pages.views.js';

const EVENTS_SHOWN = 50;

/** Event detail fields that hold an instant (RFC 3339); everything else is text. */
const INSTANT_FIELDS = new Set(['startsAt', 'expectedEndAt']);

/**
 * What the form sends to the settings API: local times typed in the platform zone become RFC 3339 with
 * that zone's offset; a time left as shown is left out, so an unchanged start is not "moved".
 */
export function settingsBody(
  body: FormBody,
  current: Pick<MaintenanceSettingsView, 'startsAt' | 'expectedEndAt'>,
  zone: string,
): Record<string, unknown> {
  const version = Number(text(body, 'version') ?? 'NaN');
  if (body.enabled !== 'on') return { enabled: false, version };
  const shown = (iso: string | null): string | undefined =>
    iso ? toLocalInput(new Date(iso), zone) : undefined;
  const startsAt = text(body, 'startsAt');
  const expectedEndAt = text(body, 'expectedEndAt');
  const result: Record<string, unknown> = {
    enabled: true,
    version,
    message: typeof body.message === 'string' ? body.message.trim() : undefined,
    announce: body.announce === 'on',
  };
  if (startsAt !== undefined && startsAt !== shown(current.startsAt)) {
    result.startsAt = fromLocalInput(startsAt, zone) ?? startsAt;
  }
  if (expectedEndAt === undefined) result.expectedEndAt = null;
  else if (expectedEndAt !== shown(current.expectedEndAt)) {
    result.expectedEndAt = fromLocalInput(expectedEndAt, zone) ?? expectedEndAt;
  }
  return result;
}

/** "announced to 812 of 815 users; 3 failed (retrying)", or nothing for a change that was not announced. */
export function announcementText(
  progress: AnnouncementProgress | undefined,
  language: Language,
  i18n: PageI18n,
): string {
  if (!progress) return '';
  const sent = i18n.t(language, 'settings.announced', {
    sent: progress.sent,
    recipients: progress.recipients,
  });
  return progress.failed > 0
    ? `${sent}; ${i18n.t(language, 'settings.announcedFailed', { failed: progress.failed })}`
    : sent;
}

/** Admin > Connect > Settings: the maintenance window (R1–R6), with times in the platform's zone. */
@ApiExcludeController()
@MaintenancePageRoute()
@UseGuards(MaintenanceAdminGuard)
@Controller('admin/connect/settings')
export class SettingsPageController {
  constructor(
    private readonly views: PageViews,
    private readonly i18n: PageI18n,
    private readonly config: AppConfig,
    private readonly status: MaintenanceStatusService,
    private readonly settings: MaintenanceSettingsService,
    private readonly input: MaintenanceSettingsInput,
    private readonly impact: MaintenanceImpactService,
    private readonly announcements: AnnouncementsJob,
  ) {}

  @Get()
  async show(
    @Query('saved') saved: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return this.render(request, response, { saved: saved === '1' });
  }

  @Post()
  async save(
    @Body() body: FormBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    const principal = this.status.principalOf(request);
    const actor = principal.kind === 'user' ? principal.actor : 'unknown';
    const current = await this.settings.settings();
    const language = this.i18n.languageOf(request);
    // The same validation and rules as PUT on the settings API.
    const problem = await this.input
      .apply(settingsBody(body, current, this.config.APP_TIMEZONE), actor)
      .then(
        () => undefined,
        (error: unknown) => formProblem(error, language),
      );
    if (problem) return this.render(request, response, { problem, values: body });
    return response.redirect(303, '/admin/connect/settings?saved=1');
  }

  private async render(
    request: Request,
    response: Response,
    extra: { saved?: boolean; problem?: ProblemDetails; values?: FormBody },
  ): Promise<string> {
    const settings = this.settings;
    const [current, events, impact] = await Promise.all([
      settings.settings(),
      settings.events(1, EVENTS_SHOWN),
      this.impact.impact(),
    ]);
    const announced = await this.announcements.progress(events.items.map((event) => event.id));
    const language = this.i18n.languageOf(request);
    const zone = this.config.APP_TIMEZONE;
    const local = (iso: string | null): string => (iso ? toLocalInput(new Date(iso), zone) : '');
    const long = (iso: string | null): string =>
      iso ? formatInstant(new Date(iso), zone, language) : '';
    const values = extra.values ?? {
      enabled: current.enabled ? 'on' : undefined,
      startsAt: local(current.startsAt),
      expectedEndAt: local(current.expectedEndAt),
      message: current.message ?? '',
      announce: current.announce ? 'on' : undefined,
    };
    // The earliest start, rounded up to a whole minute (the field takes minutes).
    const earliest = new Date(Math.ceil(Date.parse(current.earliestStartsAt) / 60_000) * 60_000);
    return this.views.page(request, response, 'settings', {
      title: 'settings.title',
      nav: 'settings',
      status: extra.problem?.status,
      data: {
        saved: extra.saved,
        problem: extra.problem,
        current: {
          ...current,
          stateText: this.i18n.t(language, `settings.state.${current.state}`),
          startsAtText: long(current.startsAt),
          expectedEndAtText: long(current.expectedEndAt),
          updatedAtText: long(current.updatedAt),
        },
        values: { ...values, enabled: values.enabled === 'on', announce: values.announce === 'on' },
        zone,
        earliestInput: toLocalInput(earliest, zone),
        earliestText: formatInstant(earliest, zone, language),
        events: events.items.map((event) => ({
          ...this.eventRow(event, language),
          announcedText: announcementText(announced.get(event.id), language, this.i18n),
        })),
        announcedText: announcementText(
          events.items.map((event) => announced.get(event.id)).find(Boolean),
          language,
          this.i18n,
        ),
        eventsTotal: events.total,
        // Rendered here so the page works without the script, which then keeps it current.
        impact: {
          state: impactState(impact),
          text: impactSentence(impact, language, this.i18n.dictionary(language)),
        },
      },
    });
  }

  private eventRow(event: MaintenanceEventView, language: Language): Record<string, unknown> {
    const zone = this.config.APP_TIMEZONE;
    const details = event.details as {
      old?: Record<string, unknown>;
      new?: Record<string, unknown>;
    };
    const keys = [
      ...new Set([...Object.keys(details.old ?? {}), ...Object.keys(details.new ?? {})]),
    ];
    const show = (key: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return '—';
      // Only the instant fields are shown in the platform's zone, and only when they hold a
      // valid instant; any other value (the message above all) is shown as it was stored.
      if (INSTANT_FIELDS.has(key) && typeof value === 'string') {
        const instant = new Date(value);
        if (!Number.isNaN(instant.getTime())) return formatShort(instant, zone);
      }
      return typeof value === 'string' ? value : JSON.stringify(value);
    };
    return {
      atText: formatShort(new Date(event.at), zone),
      typeText: this.i18n.t(language, `settings.event.${event.type}`),
      actor: event.actor,
      changes: [
        ...keys.map((key) => ({
          field: this.i18n.t(language, `settings.field.${key}`),
          old: details.old && key in details.old ? show(key, details.old[key]) : undefined,
          new: details.new && key in details.new ? show(key, details.new[key]) : undefined,
        })),
        ...impactFigures(event.details).map(({ key, count }) => ({
          field: this.i18n.t(language, `settings.field.${key}`),
          old: undefined,
          new: String(count),
        })),
      ],
    };
  }
}
