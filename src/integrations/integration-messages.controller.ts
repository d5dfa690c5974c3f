import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, IntegrationOnly } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { forbiddenProblem } from '../common/problem.js';
import { IntegrationMessageDto, MessageReceiptDto } from './integrations.dto.js';
import { IntegrationMessagesService } from './integration-messages.service.js';

/**
 * The third-party link. Deliberately not open during downtime: the maintenance guard refuses every
 * call with R17 before this handler runs, so nothing is stored or queued (R18).
 */
@ApiTags('integrations')
@Controller('api/integrations')
@IntegrationOnly('THIRD_PARTY')
export class IntegrationMessagesController {
  constructor(private readonly messages: IntegrationMessagesService) {}

  @Post('messages')
  @ApiOperation({ summary: 'Send a message from a third-party system' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: MessageReceiptDto })
  receive(
    @CurrentPrincipal() principal: Principal,
    @Body() body: IntegrationMessageDto,
  ): Promise<MessageReceiptDto> {
    if (principal.kind !== 'integration') throw forbiddenProblem('For machine clients only.');
    return this.messages.store(principal, body);
  }
}
