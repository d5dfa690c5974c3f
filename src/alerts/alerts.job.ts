import { SYSTEM, Transactions } from '../database/transactions.js';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { CronJob } from 'cron';
import { In, type Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { Vacancy } from '../public-forms/vacancy.entity.js';
import { User } from '../users/user.entity.js';
import { composeAlertMail, vacancyMatches } from './alert-mail.js';
import { Mailer } from '../mail/mailer.js';
import { SavedSearch } from './saved-search.entity.js';

export interface AlertRun {
  searches: number;
  mailed: number;
  failed: number;
}

/** At most this many vacancies in one mail; the rest wait for the login link. */
const MAX_VACANCIES_PER_MAIL = 20;

/**
 * Saved-search alerts on ALERTS_CRON. It is a scheduled job, not a request, so the maintenance
 * lockout does not stop it (R19). Each search is claimed by moving its last_run_at with a
 * conditional update before mailing, so two runs or two instances never mail the same vacancies.
 */
@Injectable()
export class AlertsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('Alerts');
  private running?: Promise<AlertRun>;

  constructor(
    @InjectRepository(SavedSearch) private readonly searches: Repository<SavedSearch>,
    @InjectRepository(Vacancy) private readonly vacancies: Repository<Vacancy>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly transactions: Transactions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.mailer.configured) {
      this.logger.warn({ event: 'alerts-disabled', reason: 'SMTP_HOST is not set' });
      return;
    }
    const job = CronJob.from({
      cronTime: this.config.ALERTS_CRON,
      timeZone: this.config.APP_TIMEZONE,
      onTick: () => {
        this.runOnce().catch((error: unknown) =>
          this.logger.error({ event: 'alerts-run-failed', error: String(error) }),
        );
      },
    });
    this.scheduler.addCronJob('saved-search-alerts', job);
    job.start();
  }

  /** One pass over every saved search; a pass already under way is joined, not doubled. */
  runOnce(): Promise<AlertRun> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<AlertRun> {
    const now = this.clock.now();
    const searches = await this.searches.find({ order: { createdAt: 'ASC' } });
    if (searches.length === 0) return { searches: 0, mailed: 0, failed: 0 };
    const users = await this.users.findBy({ id: In([...new Set(searches.map((s) => s.userId))]) });
    const byId = new Map(users.map((user) => [user.id, user]));
    const result: AlertRun = { searches: searches.length, mailed: 0, failed: 0 };
    for (const search of searches) {
      if (search.lastRunAt.getTime() >= now.getTime()) continue;
      const user = byId.get(search.userId);
      if (!user || user.status !== 'active') continue;
      if (!(await this.claim(search, search.lastRunAt, now))) continue;
      const found = await this.vacancies
        .createQueryBuilder('v')
        .where('v.status = :open', { open: 'open' })
        .andWhere('v.created_at > :from AND v.created_at <= :to', {
          from: search.lastRunAt.getTime(),
          to: now.getTime(),
        })
        .orderBy('v.created_at', 'ASC')
        .getMany();
      const matching = found.filter((vacancy) => vacancyMatches(search, vacancy));
      if (matching.length === 0) continue;
      const mail = composeAlertMail(
        this.config.DEFAULT_LANGUAGE,
        this.config.PUBLIC_URL,
        user.displayName,
        search,
        matching.slice(0, MAX_VACANCIES_PER_MAIL),
      );
      try {
        await this.mailer.send({ to: user.email, ...mail });
        result.mailed += 1;
        this.logger.log({
          event: 'alert-mailed',
          savedSearchId: search.id,
          vacancies: matching.length,
        });
      } catch (error) {
        // Give the period back so that the next run tries these vacancies again.
        await this.claim(search, now, search.lastRunAt);
        result.failed += 1;
        this.logger.error({
          event: 'alert-mail-failed',
          savedSearchId: search.id,
          error: String(error),
        });
      }
    }
    return result;
  }

  /** Moves last_run_at from `from` to `to` unless someone else already moved it. */
  private async claim(search: SavedSearch, from: Date, to: Date): Promise<boolean> {
    const update = await this.transactions.run(SYSTEM, (manager) =>
      manager
        .createQueryBuilder()
        .update(SavedSearch)
        .set({ lastRunAt: to })
        .where('id = :id AND last_run_at = :from', { id: search.id, from: from.getTime() })
        .execute(),
    );
    return update.affected === 1;
  }
}
