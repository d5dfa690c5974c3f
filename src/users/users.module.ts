import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntegrationClient } from '../integrations/integration-client.entity.js';
import { IdentityDemoSeeder } from './identity.demo-seeder.js';
import { User } from './user.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, IntegrationClient])],
  providers: [IdentityDemoSeeder],
})
export class UsersModule {}
