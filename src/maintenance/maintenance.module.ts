import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MaintenanceAdminGuard } from './http/maintenance-admin.guard.js';
import { MaintenanceCountdownInterceptor } from './http/maintenance-countdown.interceptor.js';
import { MaintenanceSettingsInput } from './http/maintenance-settings.input.js';
import { maintenanceControllers } from './http/maintenance.controller.js';
import { MaintenanceGuard } from './http/maintenance.guard.js';
import { MaintenanceProblems } from './http/maintenance.problems.js';
import { MaintenanceValidationPipe } from './http/maintenance.validation.js';
import {
  MAINTENANCE_OPTIONS,
  resolveMaintenanceOptions,
  resolveRoutes,
  type MaintenanceRouteOptions,
  type MaintenanceModuleAsyncOptions,
  type MaintenanceModuleOptions,
  type ResolvedMaintenanceOptions,
} from './maintenance.options.js';
import { MaintenanceEventEntity } from './persistence/maintenance-event.entity.js';
import { MaintenanceNoticeAckEntity } from './persistence/maintenance-notice-ack.entity.js';
import { MaintenanceRefusalCountEntity } from './persistence/maintenance-refusal-count.entity.js';
import { MaintenanceWindowEntity } from './persistence/maintenance-window.entity.js';
import { Maintenance1764300100000 } from './persistence/migrations/1764300100000-maintenance.js';
import { MaintenanceImpact1764300400000 } from './persistence/migrations/1764300400000-maintenance-impact.js';
import { MaintenanceCommitFence1764300516000 } from './persistence/migrations/1764300516000-maintenance-commit-fence.js';
import { MaintenanceAnnounce1764302000000 } from './persistence/migrations/1764302000000-maintenance-announce.js';
import { createNotifier, MaintenanceChangeNotifier } from './persistence/maintenance.notifier.js';
import { MaintenanceStorage } from './persistence/maintenance.storage.js';
import { TypeOrmMaintenanceStorage } from './persistence/maintenance.typeorm-storage.js';
import { MaintenanceImpactService } from './runtime/maintenance-impact.service.js';
import { MaintenanceRefusalCounter } from './runtime/maintenance-refusal.counter.js';
import { MaintenanceSettingsService } from './runtime/maintenance-settings.service.js';
import { MaintenanceStateService } from './runtime/maintenance-state.service.js';
import { MaintenanceStatusService } from './runtime/maintenance-status.service.js';
import { MaintenanceLoginAdmission } from './runtime/maintenance.login-admission.js';
import { MaintenanceScheduler } from './runtime/maintenance.scheduler.js';
import { MaintenanceWriteFence } from './runtime/maintenance.write-fence.js';

/** The module's migrations, in order, for the host's migration list. */
export const MAINTENANCE_MIGRATIONS = [
  Maintenance1764300100000,
  MaintenanceImpact1764300400000,
  MaintenanceCommitFence1764300516000,
  MaintenanceAnnounce1764302000000,
];

/** The module's entities (registered by the module itself; a host without autoLoadEntities lists them). */
export const MAINTENANCE_ENTITIES = [
  MaintenanceWindowEntity,
  MaintenanceEventEntity,
  MaintenanceNoticeAckEntity,
  MaintenanceRefusalCountEntity,
];

const EXPORTS = [
  MAINTENANCE_OPTIONS,
  MaintenanceStorage,
  MaintenanceStateService,
  MaintenanceStatusService,
  MaintenanceSettingsService,
  MaintenanceLoginAdmission,
  MaintenanceWriteFence,
  MaintenanceRefusalCounter,
  MaintenanceImpactService,
  MaintenanceGuard,
  MaintenanceAdminGuard,
  MaintenanceSettingsInput,
  // The host instantiates the guard (APP_GUARD) and the filter (APP_FILTER): their dependencies too.
  MaintenanceProblems,
];

/**
 * The maintenance lockout (R1–R17, R20), shaped like @nestjs/throttler: `forRoot(options)` /
 * `forRootAsync({ useFactory, inject })`, storage behind an abstract class, and a guard that the host
 * registers itself as its FIRST APP_GUARD:
 *
 *     { provide: APP_GUARD, useClass: MaintenanceGuard }
 *
 * The module registers the countdown interceptor (APP_INTERCEPTOR) and its controllers, and needs
 * ScheduleModule.forRoot() and a TypeORM DataSource in the host. It knows nothing of the host's
 * users: `getPrincipal` maps a request, `exemptions` name who keeps working. Global, so feature
 * modules can inject MaintenanceWriteFence and MaintenanceStatusService.
 */
@Module({})
export class MaintenanceModule {
  static forRoot(options: MaintenanceModuleOptions): DynamicModule {
    return MaintenanceModule.create(options.routes, [
      { provide: MAINTENANCE_OPTIONS, useValue: resolveMaintenanceOptions(options) },
    ]);
  }

  static forRootAsync(options: MaintenanceModuleAsyncOptions): DynamicModule {
    return MaintenanceModule.create(
      options.routes,
      [
        {
          provide: MAINTENANCE_OPTIONS,
          inject: options.inject ?? [],
          useFactory: async (...args: never[]) =>
            resolveMaintenanceOptions(await options.useFactory(...args)),
        },
      ],
      options.imports,
    );
  }

  private static create(
    routes: MaintenanceRouteOptions | undefined,
    optionsProviders: Provider[],
    imports: DynamicModule['imports'] = [],
  ): DynamicModule {
    return {
      module: MaintenanceModule,
      global: true,
      imports: [...imports, TypeOrmModule.forFeature(MAINTENANCE_ENTITIES)],
      controllers: maintenanceControllers(resolveRoutes(routes)),
      providers: [
        ...optionsProviders,
        {
          provide: MaintenanceStorage,
          inject: [MAINTENANCE_OPTIONS, DataSource],
          useFactory: (options: ResolvedMaintenanceOptions, dataSource: DataSource) =>
            options.storage ?? new TypeOrmMaintenanceStorage(dataSource, options.runInTransaction),
        },
        {
          provide: MaintenanceChangeNotifier,
          inject: [MAINTENANCE_OPTIONS, DataSource],
          useFactory: (options: ResolvedMaintenanceOptions, dataSource: DataSource) =>
            options.notifier ?? createNotifier(dataSource),
        },
        {
          provide: MaintenanceProblems,
          inject: [MAINTENANCE_OPTIONS],
          useFactory: (options: ResolvedMaintenanceOptions) =>
            new MaintenanceProblems(options.messages, options.defaultRetryAfterSeconds),
        },
        { provide: APP_INTERCEPTOR, useClass: MaintenanceCountdownInterceptor },
        MaintenanceStateService,
        MaintenanceScheduler,
        MaintenanceSettingsService,
        MaintenanceStatusService,
        MaintenanceLoginAdmission,
        MaintenanceWriteFence,
        MaintenanceRefusalCounter,
        MaintenanceImpactService,
        MaintenanceGuard,
        MaintenanceAdminGuard,
        MaintenanceValidationPipe,
        MaintenanceSettingsInput,
      ],
      exports: EXPORTS,
    };
  }
}
