import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '../contracts/contracts.module.js';
import { Declaration } from './declaration.entity.js';
import { DeclarationsController } from './declarations.controller.js';
import { DeclarationsDemoSeeder } from './declarations.demo-seeder.js';
import { DeclarationsService } from './declarations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Declaration]), ContractsModule],
  controllers: [DeclarationsController],
  providers: [DeclarationsService, DeclarationsDemoSeeder],
  exports: [DeclarationsService],
})
export class DeclarationsModule {}
