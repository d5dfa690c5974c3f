import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type ModuleMetadata,
  type NestModule,
  type Type,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntegrationClient } from '../integrations/integration-client.entity.js';
import { User } from '../users/user.entity.js';
import { AccessGuard } from './access.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { CsrfGuard } from './csrf.guard.js';
import { DeviceCookies } from './device-cookie.js';
import { AdmitEveryone, LoginAdmission } from './login-admission.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { PrincipalMiddleware } from './principal.middleware.js';
import { Session } from './session.entity.js';
import { SessionService } from './session.service.js';

export interface AuthModuleOptions {
  /** Who may get a session once the password is right (the maintenance lockout plugs in here). */
  loginAdmission?: Type<LoginAdmission>;
  imports?: ModuleMetadata['imports'];
}

/**
 * Identity: sessions, bearer tokens, the principal of each request, access and CSRF guards.
 * Its guards are registered by the app module (`authGuards`) so that their order relative to others is explicit.
 */
@Module({})
export class AuthModule implements NestModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([User, Session, IntegrationClient]),
        ...(options.imports ?? []),
      ],
      controllers: [AuthController],
      providers: [
        AuthService,
        SessionService,
        PasswordHasher,
        LoginThrottle,
        DeviceCookies,
        { provide: LoginAdmission, useClass: options.loginAdmission ?? AdmitEveryone },
        PrincipalMiddleware,
      ],
      exports: [SessionService, PasswordHasher, TypeOrmModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PrincipalMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

/** The access and CSRF guards, to be listed among the app's APP_GUARDs after the maintenance guard. */
export const authGuards = [
  { provide: APP_GUARD, useClass: AccessGuard },
  { provide: APP_GUARD, useClass: CsrfGuard },
];
