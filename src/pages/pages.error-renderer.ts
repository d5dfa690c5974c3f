import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PageErrorRenderer } from '../common/problem.filter.js';
import type { ProblemDetails } from '../common/problem.js';
import { PageI18n } from './pages.i18n.js';
import { PageViews } from './pages.views.js';

const KNOWN = new Set([400, 403, 404, 409, 429, 500, 503]);

/**
 * Errors of page requests as HTML: an anonymous visitor is sent to the login page, others see an
 * error page. (The maintenance module's refusals never get here: the problem filter hands them to
 * the module's renderer, which sends a refused page to the maintenance page, R14.)
 */
@Injectable()
export class HtmlPageErrorRenderer extends PageErrorRenderer {
  private readonly logger = new Logger('PageErrorRenderer');

  constructor(
    private readonly views: PageViews,
    private readonly i18n: PageI18n,
  ) {
    super();
  }

  render(request: Request, response: Response, problem: ProblemDetails, _exception: unknown): void {
    if (problem.status >= 300 && problem.status < 400) {
      // A redirect expressed as an exception (its Location header is already set).
      response.status(problem.status).end();
      return;
    }
    if (problem.status === 401) {
      const next =
        request.method === 'GET' ? `?next=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(303, `/login${next}`);
      return;
    }
    const language = this.i18n.languageOf(request);
    const key = KNOWN.has(problem.status) ? problem.status : problem.status >= 500 ? 500 : 400;
    this.views
      .page(request, response, 'error', {
        title: 'error.title',
        status: problem.status,
        data: {
          heading: this.i18n.t(language, 'error.title'),
          message: this.i18n.t(language, `error.${key}`),
        },
      })
      .then(
        (html) => response.send(html),
        (error: unknown) => {
          this.logger.error(
            error instanceof Error ? (error.stack ?? error.message) : String(error),
          );
          response.status(problem.status).type('text').send(problem.title);
        },
      );
  }
}
