import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { PublicFormsModule } from '../public-forms/public-forms.module.js';
import { AlertsDemoSeeder } from './alerts.demo-seeder.js';
import { AlertsJob } from './alerts.job.js';
import { SavedSearch } from './saved-search.entity.js';
import { SavedSearchesController } from './saved-searches.controller.js';
import { SavedSearchesService } from './saved-searches.service.js';

/** Saved searches and the scheduled alert mails (needs ScheduleModule.forRoot() in the app). */
@Module({
  imports: [TypeOrmModule.forFeature([SavedSearch]), PublicFormsModule, MailModule],
  controllers: [SavedSearchesController],
  providers: [SavedSearchesService, AlertsJob, AlertsDemoSeeder],
  exports: [AlertsJob],
})
export class AlertsModule {}
