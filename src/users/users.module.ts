import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Session } from '../auth/session.entity.js';
import { Company } from '../companies/company.entity.js';
import { IntegrationClient } from '../integrations/integration-client.entity.js';
import { MailModule } from '../mail/mail.module.js';
import { IdentityDemoSeeder } from './identity.demo-seeder.js';
import { User } from './user.entity.js';
import { UsersAdminController } from './users-admin.controller.js';
import { UsersAdminService } from './users-admin.service.js';

/** User administration without HTTP or sessions of its own, so the command line can use it too. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Session, Company]), MailModule],
  providers: [UsersAdminService],
  exports: [UsersAdminService],
})
export class UserAdministrationModule {}

/** The users of the app: the administration API and the demo identities. */
@Module({
  imports: [TypeOrmModule.forFeature([User, IntegrationClient]), UserAdministrationModule],
  controllers: [UsersAdminController],
  providers: [IdentityDemoSeeder],
  exports: [UserAdministrationModule],
})
export class UsersModule {}
