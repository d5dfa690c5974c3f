import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { IntegrationOnly, Roles } from '../../src/auth/auth.decorators.js';

/** Test-only routes that exercise the access and CSRF guards. */
@Controller('api/test-probe')
class ProbeController {
  @Post('admin')
  @HttpCode(200)
  @Roles('CUSTOMER_ADMIN', 'CONSULTANT')
  admin(@Body() _body: unknown): { ok: true } {
    return { ok: true };
  }

  @Get('any-user')
  anyUser(): { ok: true } {
    return { ok: true };
  }

  @Post('third-party')
  @HttpCode(200)
  @IntegrationOnly('THIRD_PARTY')
  thirdParty(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
