import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesDemoSeeder } from './companies.demo-seeder.js';
import { Company } from './company.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Company])],
  providers: [CompaniesDemoSeeder],
  exports: [TypeOrmModule],
})
export class CompaniesModule {}
