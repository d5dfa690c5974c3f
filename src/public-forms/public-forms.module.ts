import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FormSubmission } from './form-submission.entity.js';
import { JobApplication } from './job-application.entity.js';
import { PublicController } from './public.controller.js';
import { PublicForm } from './public-form.entity.js';
import { PublicFormsDemoSeeder } from './public-forms.demo-seeder.js';
import { PublicFormsService } from './public-forms.service.js';
import { PublicSubmissionThrottle } from './public-submission.throttle.js';
import { VacanciesService } from './vacancies.service.js';
import { Vacancy } from './vacancy.entity.js';

/** Vacancies, job applications and public forms: open to anonymous visitors, also during downtime. */
@Module({
  imports: [TypeOrmModule.forFeature([Vacancy, JobApplication, PublicForm, FormSubmission])],
  controllers: [PublicController],
  providers: [
    VacanciesService,
    PublicFormsService,
    PublicSubmissionThrottle,
    PublicFormsDemoSeeder,
  ],
  exports: [VacanciesService, TypeOrmModule],
})
export class PublicFormsModule {}
