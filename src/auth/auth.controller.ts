import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';
import { clientAddress } from '../common/client-address.js';
import { unauthorizedProblem } from '../common/problem.js';
import { CurrentPrincipal, Public, SkipCsrf } from './auth.decorators.js';
import { ActivateDto, LoginDto, LoginResponseDto, UserDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import type { Principal } from './principal.js';
import { SameOriginOnly } from './same-origin.guard.js';
import { SESSION_COOKIE } from './principal.middleware.js';
import { DEVICE_COOKIE } from './device-cookie.js';

/** A trusted device stays trusted this long after its last successful login. */
const DEVICE_COOKIE_MAX_AGE_MS = 365 * 24 * 3_600_000;

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After' })
  @ApiServiceUnavailableResponse({
    description: 'During downtime, for every role but the exempt ones',
  })
  @SameOriginOnly()
  @Public()
  @AllowDuringMaintenance()
  @SkipCsrf()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto> {
    const cookies = request.cookies as Record<string, string | undefined>;
    const previous = cookies[SESSION_COOKIE];
    const result = await this.auth.login(
      body.email,
      body.password,
      clientAddress(request),
      cookies[DEVICE_COOKIE],
    );
    // A fresh session id on every login: an old (possibly planted) id never becomes authenticated.
    if (previous) await this.auth.logout(previous);
    response.cookie(SESSION_COOKIE, result.sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: '/',
      expires: result.expiresAt,
    });
    // Sent back to the login only: it is of use nowhere else.
    response.cookie(DEVICE_COOKIE, result.deviceCookie, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/api/auth/login',
      maxAge: DEVICE_COOKIE_MAX_AGE_MS,
    });
    return { user: result.user, csrfToken: result.csrfToken };
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out (end this session)' })
  @SameOriginOnly()
  @Public()
  @AllowDuringMaintenance()
  @HttpCode(204)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (principal.kind === 'user') await this.auth.logout(principal.sessionId);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'Read the signed-in user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentPrincipal() principal: Principal): UserDto {
    if (principal.kind !== 'user') throw unauthorizedProblem('Sign in first.');
    const { id, email, displayName, role } = principal.user;
    return { id, email, displayName, role };
  }

  @Post('activate')
  @ApiOperation({ summary: 'Activate an invited account and set its password' })
  @SameOriginOnly()
  @Public()
  @AllowDuringMaintenance()
  @SkipCsrf()
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  activate(@Body() body: ActivateDto, @Req() request: Request): Promise<UserDto> {
    return this.auth.activate(body.token, body.password, clientAddress(request));
  }
}
