import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '../mail/mail.module.js';
import { ANNOUNCEMENT_ENTITIES } from './announcement.entities.js';
import { AnnouncementsJob } from './announcements.job.js';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { UserLanguageInterceptor } from './user-language.interceptor.js';

/**
 * Maintenance announcements (issue 20): e-mails with an iCalendar entry when a window is scheduled,
 * moved or cancelled, and the public calendar feed. Needs ScheduleModule.forRoot() in the app.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ANNOUNCEMENT_ENTITIES), MailModule],
  controllers: [CalendarFeedController],
  providers: [AnnouncementsJob, { provide: APP_INTERCEPTOR, useClass: UserLanguageInterceptor }],
  exports: [AnnouncementsJob],
})
export class AnnouncementsModule {}
