import 'reflect-metadata';
import {
  Controller,
  Get,
  Module,
  type DynamicModule,
  type INestApplication,
  type PipeTransform,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The one import from this repository: the module's public API.
import {
  AllowDuringMaintenance,
  MAINTENANCE_ENTITIES,
  MAINTENANCE_MIGRATIONS,
  MaintenanceGuard,
  MaintenanceModule,
  MaintenancePageRoute,
  MaintenanceProblemFilter,
  type MaintenancePrincipal,
} from '../../src/maintenance/index.js';

/**
 * A host that shares nothing with the staffing platform but the maintenance module: its own
 * principals (an `X-Role` header for people, `X-Robot` for machines), its own role names and
 * routes, SQLite, the module's problem filter, and no validation pipe of its own (or a plain one).
 */
export function principalFromHeaders(request: Request): MaintenancePrincipal {
  const role = request.get('x-role');
  if (role)
    return {
      kind: 'user',
      role,
      sessionId: request.get('x-session') ?? null,
      actor: `${role}@lift.test`,
    };
  const robot = request.get('x-robot');
  if (robot) return { kind: 'integration', integrationKind: robot };
  return { kind: 'anonymous' };
}

/** The lift host's time, moved by the tests. */
export class MovableClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

export const widgetCalls = { api: 0, page: 0, open: 0 };

@Controller()
class WidgetsController {
  @Get('api/widgets')
  list(): string[] {
    widgetCalls.api++;
    return ['sprocket'];
  }

  @Get('widgets')
  @MaintenancePageRoute()
  page(): string {
    widgetCalls.page++;
    return '<h1>Widgets</h1>';
  }

  @Get('api/ping')
  @AllowDuringMaintenance()
  ping(): { ok: true } {
    widgetCalls.open++;
    return { ok: true };
  }
}

@Module({})
class LiftHostModule {
  static forRoot(databaseFile: string, clock: MovableClock, pipe?: PipeTransform): DynamicModule {
    const pipes: Provider[] = pipe ? [{ provide: APP_PIPE, useValue: pipe }] : [];
    return {
      module: LiftHostModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          database: databaseFile,
          entities: MAINTENANCE_ENTITIES,
          migrations: MAINTENANCE_MIGRATIONS,
          migrationsRun: true,
        }),
        // The module's scheduled job runs on @nestjs/schedule: the host imports it once.
        ScheduleModule.forRoot(),
        MaintenanceModule.forRoot({
          getPrincipal: principalFromHeaders,
          exemptions: { roles: ['operator'], integrationKinds: ['monitor'] },
          adminRoles: ['operator'],
          clock,
          refreshIntervalMs: 100,
          pagePath: '/down',
          defaultRetryAfterSeconds: 120,
        }),
      ],
      controllers: [WidgetsController],
      providers: [
        { provide: APP_GUARD, useClass: MaintenanceGuard },
        { provide: APP_FILTER, useClass: MaintenanceProblemFilter },
        ...pipes,
      ],
    };
  }
}

export interface LiftApp {
  app: INestApplication;
  url: string;
  clock: MovableClock;
  close(): Promise<void>;
}

/** The lift host; `pipe` is a global pipe of the host's, if it has one. */
export async function startLiftApp(pipe?: PipeTransform): Promise<LiftApp> {
  const dir = mkdtempSync(join(tmpdir(), 'lift-'));
  const clock = new MovableClock();
  const moduleRef = await Test.createTestingModule({
    imports: [LiftHostModule.forRoot(join(dir, 'lift.sqlite'), clock, pipe)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    clock,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
