import { SYSTEM, Transactions } from '../database/transactions.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { pageWindow, type Page, type PageQueryDto } from '../contracts/pagination.js';
import { toVacancyDto, type VacancyDto } from './public.dto.js';
import { Vacancy } from './vacancy.entity.js';

export interface NewVacancy {
  title: string;
  location: string;
  description: string;
}

@Injectable()
export class VacanciesService {
  constructor(
    @InjectRepository(Vacancy) private readonly vacancies: Repository<Vacancy>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async listOpen(query: PageQueryDto): Promise<Page<VacancyDto>> {
    const [rows, total] = await this.vacancies.findAndCount({
      where: { status: 'open' },
      order: { createdAt: 'DESC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: rows.map(toVacancyDto), total };
  }

  /** Publishes an open vacancy now (the saved-search alerts pick it up on their next run). */
  async publish(vacancy: NewVacancy): Promise<VacancyDto> {
    const row: Vacancy = {
      id: randomUUID(),
      ...vacancy,
      status: 'open',
      createdAt: this.clock.now(),
    };
    await this.transactions.run(SYSTEM, (manager) => manager.insert(Vacancy, row));
    return toVacancyDto(row);
  }
}
