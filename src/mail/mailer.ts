import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

/** Sends mail over SMTP (SMTP_HOST, SMTP_PORT, SMTP_FROM); without SMTP_HOST nothing can be sent. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport?: Transporter;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_HOST) {
      this.transport = nodemailer.createTransport({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_PORT === 465,
      });
    }
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP_HOST is not set');
    await this.transport.sendMail({ from: this.config.SMTP_FROM, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
