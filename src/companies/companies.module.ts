import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Contract } from '../contracts/contract.entity.js';
import { User } from '../users/user.entity.js';
import { CompaniesDemoSeeder } from './companies.demo-seeder.js';
import { CompaniesController } from './companies.controller.js';
import { CompaniesService } from './companies.service.js';
import { Company } from './company.entity.js';

/** Company administration without HTTP, so that the command line and the pages use it too. */
@Module({
  imports: [TypeOrmModule.forFeature([Company, User, Contract])],
  providers: [CompaniesService],
  exports: [CompaniesService, TypeOrmModule],
})
export class CompanyAdministrationModule {}

/** The companies: the administration API and the demo companies. */
@Module({
  imports: [CompanyAdministrationModule],
  controllers: [CompaniesController],
  providers: [CompaniesDemoSeeder],
  exports: [CompanyAdministrationModule],
})
export class CompaniesModule {}
