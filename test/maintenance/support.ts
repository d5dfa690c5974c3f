import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { IntegrationOnly, Public } from '../../src/auth/auth.decorators.js';
import { AllowDuringMaintenance, MaintenancePageRoute } from '../../src/maintenance/index.js';
import { useSignedInApp, type SignedInApp } from '../support/fixtures.js';
import { getSettings, turnOff } from '../support/maintenance.js';
import type { TestApp } from '../support/test-app.js';

/** Sessions that survive the hours and days these tests move the clock by. */
export const LONG_SESSIONS = {
  SESSION_IDLE_MINUTES: '10000000',
  SESSION_ABSOLUTE_HOURS: '10000000',
};

/** How often each probe handler actually ran: a refused request must never get here. */
export const hits = { locked: 0, page: 0, open: 0, backoffice: 0, thirdParty: 0 };

export function resetHits(): void {
  for (const key of Object.keys(hits) as Array<keyof typeof hits>) hits[key] = 0;
}

/** Test-only routes with each maintenance policy. */
@Controller()
class MaintenanceProbeController {
  @Get('api/mprobe/locked')
  readLocked(): { ok: true } {
    hits.locked++;
    return { ok: true };
  }

  @Post('api/mprobe/locked')
  @HttpCode(200)
  writeLocked(@Body() _body: unknown): { ok: true } {
    hits.locked++;
    return { ok: true };
  }

  @Get('mprobe/page')
  @MaintenancePageRoute()
  page(): string {
    hits.page++;
    return '<p>page</p>';
  }

  @Get('api/mprobe/open')
  @Public()
  @AllowDuringMaintenance()
  open(): { ok: true } {
    hits.open++;
    return { ok: true };
  }

  @Post('api/mprobe/backoffice')
  @HttpCode(202)
  @IntegrationOnly('BACKOFFICE')
  backoffice(): { ok: true } {
    hits.backoffice++;
    return { ok: true };
  }

  @Post('api/mprobe/third-party')
  @HttpCode(202)
  @IntegrationOnly('THIRD_PARTY')
  thirdParty(): { ok: true } {
    hits.thirdParty++;
    return { ok: true };
  }
}

@Module({ controllers: [MaintenanceProbeController] })
export class MaintenanceProbeModule {}

/**
 * For the enclosing describe block: an app with long sessions and every demo user signed in, whose
 * window is turned off after each test, so that each test starts from "off".
 */
export function useMaintenanceApp(): SignedInApp {
  const app = useSignedInApp({ env: LONG_SESSIONS });
  afterEach(async () => {
    if ((await getSettings(app.t, app.as.admin)).enabled) await turnOff(app.t, app.as.admin);
  });
  return app;
}

/** Polls until `check` passes or the deadline is reached (real async propagation, e.g. between instances). */
export async function eventually(check: () => Promise<void>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export function logEvents(t: TestApp, event: string): Array<Record<string, unknown>> {
  return t.logs.filter((line) => line.event === event);
}
