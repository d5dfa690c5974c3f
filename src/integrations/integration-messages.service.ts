import { Transactions } from '../database/transactions.js';
import type { Principal } from '../auth/principal.js';

type IntegrationPrincipal = Extract<Principal, { kind: 'integration' }>;
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { IntegrationMessage } from './integration-message.entity.js';
import type { IntegrationMessageDto, MessageReceiptDto } from './integrations.dto.js';

@Injectable()
export class IntegrationMessagesService {
  constructor(
    @InjectRepository(IntegrationMessage) private readonly messages: Repository<IntegrationMessage>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async store(
    client: IntegrationPrincipal,
    dto: IntegrationMessageDto,
  ): Promise<MessageReceiptDto> {
    const message: IntegrationMessage = {
      id: randomUUID(),
      clientId: client.client.id,
      type: dto.type,
      payload: dto.payload,
      receivedAt: this.clock.now(),
    };
    await this.transactions.run(client, (manager) => manager.insert(IntegrationMessage, message));
    return { id: message.id, receivedAt: message.receivedAt.toISOString() };
  }
}
