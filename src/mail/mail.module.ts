import { Module } from '@nestjs/common';
import { Mailer } from './mailer.js';

/** Outgoing mail over SMTP, shared by the alert mails and the invitations. */
@Module({
  providers: [Mailer],
  exports: [Mailer],
})
export class MailModule {}
