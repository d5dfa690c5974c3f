import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module.js';
import { DeclarationsModule } from '../declarations/declarations.module.js';
import { BackofficeMutation } from './backoffice-mutation.entity.js';
import { BackofficeController } from './backoffice.controller.js';
import { BackofficeService } from './backoffice.service.js';
import { IntegrationMessage } from './integration-message.entity.js';
import { IntegrationMessagesController } from './integration-messages.controller.js';
import { IntegrationMessagesService } from './integration-messages.service.js';

/** The machine links: third-party messages in, back-office mutations applied. */
@Module({
  imports: [
    TypeOrmModule.forFeature([IntegrationMessage, BackofficeMutation]),
    ContractsModule,
    DeclarationsModule,
  ],
  controllers: [IntegrationMessagesController, BackofficeController],
  providers: [IntegrationMessagesService, BackofficeService],
})
export class IntegrationsModule {}
