import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesModule } from '../companies/companies.module.js';
import { Contract } from './contract.entity.js';
import { ContractsController } from './contracts.controller.js';
import { ContractsDemoSeeder } from './contracts.demo-seeder.js';
import { ContractsService } from './contracts.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Contract]), CompaniesModule],
  controllers: [ContractsController],
  providers: [ContractsService, ContractsDemoSeeder],
  exports: [ContractsService, TypeOrmModule],
})
export class ContractsModule {}
