import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { principalOf } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import { type MaintenanceStatusView, MaintenanceStatusService } from '../maintenance/index.js';
import { PageI18n, type Language } from './pages.i18n.js';
import { formatInstant } from './pages.time.js';

const VIEWS = new URL('./views/', import.meta.url);

/** Who the page is for: decides the header (countdown for regular users, R8; window line and banner for exempt ones, R10/R16). */
export type Audience = 'anonymous' | 'regular' | 'exempt';

export interface PageUser {
  displayName: string;
  role: string;
  exempt: boolean;
  regular: boolean;
}

export interface PageOptions {
  /** Translation key of the page title. */
  title: string;
  /** Which navigation entry is current. */
  nav?: string;
  status?: number;
  /** Extra data for the page's own template. */
  data?: Record<string, unknown>;
  /** Data for the page script, besides what every page gets. */
  script?: Record<string, unknown>;
}

/** Escapes a JSON document for an inline `<script type="application/json">` block. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Handlebars views: one layout, partials, and a page template per page; strings from the i18n files. */
const pad = (n: number): string => String(n).padStart(2, '0');

/** hh:mm:ss, with days in front when more than a day is left (the page script uses the same form). */
export function formatCountdown(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const clock = `${pad(Math.floor((seconds % 86_400) / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

@Injectable()
export class PageViews {
  private readonly handlebars = Handlebars.create();
  private readonly templates = new Map<string, Handlebars.TemplateDelegate>();

  constructor(
    private readonly i18n: PageI18n,
    private readonly config: AppConfig,
    // Absent when the app runs without the lockout (the benchmark's baseline): no maintenance header then.
    private readonly maintenance: MaintenanceStatusService,
  ) {
    this.handlebars.registerHelper(
      't',
      function (this: unknown, key: string, options: Handlebars.HelperOptions) {
        const { root } = options.data as { root: { lang: Language } };
        return i18n.t(root.lang, key, options.hash as Record<string, unknown>);
      },
    );
    this.handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    for (const file of readdirSync(new URL('./partials/', VIEWS))) {
      const source = readFileSync(new URL(`./partials/${file}`, VIEWS), 'utf8');
      this.handlebars.registerPartial(file.replace(/\.hbs$/, ''), source);
    }
    for (const file of readdirSync(VIEWS)) {
      if (!file.endsWith('.hbs')) continue;
      const source = readFileSync(new URL(`./${file}`, VIEWS), 'utf8');
      this.templates.set(
        file.replace(/\.hbs$/, ''),
        this.handlebars.compile(source, { strict: false }),
      );
    }
  }

  /** Renders a whole page (with the maintenance header of a signed-in user) and sets status and headers. */
  async page(
    request: Request,
    response: Response,
    template: string,
    options: PageOptions,
  ): Promise<string> {
    const status =
      principalOf(request).kind === 'user' ? await this.maintenance.forRequest(request) : undefined;
    response.status(options.status ?? 200);
    response.type('html');
    response.setHeader('Cache-Control', 'no-store');
    response.vary('Accept-Language');
    return this.render(request, template, options, status);
  }

  private render(
    request: Request,
    template: string,
    options: PageOptions,
    status: MaintenanceStatusView | undefined,
  ): string {
    const lang = this.i18n.languageOf(request);
    const principal = principalOf(request);
    const audience: Audience =
      principal.kind !== 'user' || !status ? 'anonymous' : status.exempt ? 'exempt' : 'regular';
    const user: PageUser | undefined =
      principal.kind === 'user'
        ? {
            displayName: principal.user.displayName,
            role: principal.user.role,
            exempt: audience === 'exempt',
            regular: audience === 'regular',
          }
        : undefined;
    const csrfToken = principal.kind === 'user' ? principal.csrfToken : '';
    const context = {
      lang,
      title: this.i18n.t(lang, options.title),
      nav: options.nav,
      user,
      // A regular user locked out by downtime gets no links into the app: each would lead back to /maintenance.
      navigation: !(audience === 'regular' && status?.state === 'active'),
      csrfToken,
      header: status ? this.header(status, lang) : ({} as { startsAtText?: string }),
      ...options.data,
    };
    const pageData = {
      lang,
      timeZone: this.config.APP_TIMEZONE,
      audience,
      csrfToken,
      // Names the user's drafts in this browser; a hash, so the page shows no id.
      userKey:
        principal.kind === 'user'
          ? createHash('sha256').update(`draft:${principal.user.id}`).digest('hex').slice(0, 24)
          : null,
      strings: this.clientStrings(lang),
      // The start as the server wrote it, so the script keeps the same wording for the same instant.
      startsAt: status?.startsAt ?? null,
      startsAtText: context.header.startsAtText ?? '',
      ...options.script,
    };
    const body = this.template(template)(context);
    return this.template('layout')({ ...context, body, pageData: inlineJson(pageData) });
  }

  /** The first paint of the header; the page script keeps it current from then on. */
  private header(
    status: MaintenanceStatusView,
    lang: Language,
  ): { startsAtText?: string } & Record<string, unknown> {
    const startsAt = status.startsAt ? new Date(status.startsAt) : null;
    return {
      scheduled: status.state === 'scheduled',
      active: status.state === 'active',
      forgotten: status.activeTooLong,
      startsAtText: startsAt ? formatInstant(startsAt, this.config.APP_TIMEZONE, lang) : '',
      countdownText:
        status.secondsUntilStart === null ? '' : formatCountdown(status.secondsUntilStart),
    };
  }

  private template(name: string): Handlebars.TemplateDelegate {
    const template = this.templates.get(name);
    if (!template) throw new Error(`No view named ${name}`);
    return template;
  }

  /** The strings the page script needs (keys starting with "js."). */
  private clientStrings(lang: Language): Record<string, string> {
    const dictionary = this.i18n.dictionary(lang);
    return Object.fromEntries(Object.entries(dictionary).filter(([key]) => key.startsWith('js.')));
  }
}
