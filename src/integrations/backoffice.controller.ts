import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, IntegrationOnly } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { forbiddenProblem } from '../common/problem.js';
import { AllowDuringMaintenance } from '../maintenance/index.js';
import { assertIdempotencyKey, BackofficeService } from './backoffice.service.js';
import { BackofficeMutationDto, MutationResultDto } from './integrations.dto.js';

/**
 * The back-office (payroll) link. Only BACKOFFICE clients reach it (@IntegrationOnly), and it is
 * open during downtime (R18): the year-end closing itself is done through it.
 */
@ApiTags('integrations')
@Controller('api/backoffice')
@IntegrationOnly('BACKOFFICE')
@AllowDuringMaintenance()
export class BackofficeController {
  constructor(private readonly backoffice: BackofficeService) {}

  @Post('mutations')
  @ApiOperation({ summary: 'Apply a back-office mutation (idempotent)' })
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'one key per intended change',
  })
  @ApiAcceptedResponse({ type: MutationResultDto })
  @ApiUnprocessableEntityResponse({ description: 'the key was used for a different request' })
  async mutate(
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') key: string | undefined,
    @Body() body: BackofficeMutationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MutationResultDto> {
    if (principal.kind !== 'integration') throw forbiddenProblem('For machine clients only.');
    assertIdempotencyKey(key);
    const { result, replayed } = await this.backoffice.apply(principal, key, body);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result;
  }
}
