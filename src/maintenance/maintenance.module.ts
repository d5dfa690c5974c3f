import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type Provider,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MaintenanceAdminGuard } from './maintenance-admin.guard.js';
import { MaintenanceEventEntity } from './maintenance-event.entity.js';
import { MaintenanceHeadersMiddleware } from './maintenance-headers.middleware.js';
import { MaintenanceNoticeAckEntity } from './maintenance-notice-ack.entity.js';
import { MaintenanceSettingsService } from './maintenance-settings.service.js';
import { MaintenanceStateService } from './maintenance-state.service.js';
import { MaintenanceStatusService } from './maintenance-status.service.js';
import { MaintenanceWindowEntity } from './maintenance-window.entity.js';
import {
  MaintenanceSettingsController,
  MaintenanceStatusController,
} from './maintenance.controller.js';
import { MaintenanceGuard } from './maintenance.guard.js';
import { MaintenanceLoginAdmission } from './maintenance.login-admission.js';
import { createNotifier, MaintenanceChangeNotifier } from './maintenance.notifier.js';
import {
  MAINTENANCE_OPTIONS,
  resolveMaintenanceOptions,
  type MaintenanceModuleAsyncOptions,
  type MaintenanceModuleOptions,
} from './maintenance.options.js';
import { MaintenanceRoutePolicy } from './maintenance.route-policy.js';
import { MaintenanceScheduler } from './maintenance.scheduler.js';
import { MaintenanceStorage } from './maintenance.storage.js';
import { MaintenanceTimers } from './maintenance.timers.js';
import { TypeOrmMaintenanceStorage } from './maintenance.typeorm-storage.js';
import { MaintenanceWriteFence } from './maintenance.write-fence.js';

const EXPORTS = [
  MAINTENANCE_OPTIONS,
  MaintenanceStateService,
  MaintenanceStatusService,
  MaintenanceSettingsService,
  MaintenanceLoginAdmission,
  MaintenanceWriteFence,
  MaintenanceRoutePolicy,
  MaintenanceGuard,
];

/**
 * The maintenance lockout (SPEC R1–R11, R14, R16, R17, R20), shaped like @nestjs/throttler:
 * `forRoot(options)` / `forRootAsync({ useFactory, inject })`, storage behind an interface, and a guard
 * that the app registers itself as its FIRST APP_GUARD:
 *
 *     { provide: APP_GUARD, useClass: MaintenanceGuard }
 *
 * It knows nothing of the app's users: `getPrincipal` maps a request to a MaintenancePrincipal.
 * Global, so feature modules can inject MaintenanceWriteFence and MaintenanceStatusService.
 */
@Module({})
export class MaintenanceModule implements NestModule {
  static forRoot(options: MaintenanceModuleOptions): DynamicModule {
    return MaintenanceModule.create([
      { provide: MAINTENANCE_OPTIONS, useValue: resolveMaintenanceOptions(options) },
    ]);
  }

  static forRootAsync(options: MaintenanceModuleAsyncOptions): DynamicModule {
    return MaintenanceModule.create(
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

  /**
   * Marks the public status endpoint with the host's "no login needed" decorator(s), e.g. `Public()`;
   * the module cannot know how the host's access control spells that.
   */
  static makeStatusPublic(...decorators: MethodDecorator[]): void {
    const prototype = MaintenanceStatusController.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'get');
    if (!descriptor) throw new Error('MaintenanceStatusController.get is missing');
    for (const decorate of decorators) decorate(prototype, 'get', descriptor);
  }

  private static create(
    optionsProviders: Provider[],
    imports: DynamicModule['imports'] = [],
  ): DynamicModule {
    return {
      module: MaintenanceModule,
      global: true,
      imports: [
        ...imports,
        DiscoveryModule,
        TypeOrmModule.forFeature([
          MaintenanceWindowEntity,
          MaintenanceEventEntity,
          MaintenanceNoticeAckEntity,
        ]),
      ],
      controllers: [MaintenanceSettingsController, MaintenanceStatusController],
      providers: [
        ...optionsProviders,
        { provide: MaintenanceStorage, useClass: TypeOrmMaintenanceStorage },
        { provide: MaintenanceChangeNotifier, inject: [DataSource], useFactory: createNotifier },
        MaintenanceTimers,
        MaintenanceStateService,
        MaintenanceScheduler,
        MaintenanceSettingsService,
        MaintenanceStatusService,
        MaintenanceLoginAdmission,
        MaintenanceWriteFence,
        MaintenanceRoutePolicy,
        MaintenanceGuard,
        MaintenanceAdminGuard,
      ],
      exports: EXPORTS,
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(MaintenanceHeadersMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
