import { Transactions } from '../database/transactions.js';
import type { UserPrincipal } from '../auth/principal.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { fieldProblem, notFoundProblem } from '../common/problem.js';
import { pageWindow, type Page, type PageQueryDto } from '../contracts/pagination.js';
import {
  toSavedSearchDto,
  type CreateSavedSearchDto,
  type SavedSearchDto,
} from './saved-search.dto.js';
import { SavedSearch } from './saved-search.entity.js';

/** A user's own saved searches; nobody sees another's. */
@Injectable()
export class SavedSearchesService {
  constructor(
    @InjectRepository(SavedSearch) private readonly searches: Repository<SavedSearch>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async list(userId: string, query: PageQueryDto): Promise<Page<SavedSearchDto>> {
    const [rows, total] = await this.searches.findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: rows.map(toSavedSearchDto), total };
  }

  /** Alerts start from now: vacancies already published are not mailed. */
  async create(principal: UserPrincipal, dto: CreateSavedSearchDto): Promise<SavedSearchDto> {
    const keyword = dto.keyword?.trim() || null;
    const location = dto.location?.trim() || null;
    if (!keyword && !location) throw fieldProblem('keyword', 'give a keyword, a location or both');
    const now = this.clock.now();
    const search: SavedSearch = {
      id: randomUUID(),
      userId: principal.user.id,
      keyword,
      location,
      lastRunAt: now,
      createdAt: now,
    };
    await this.transactions.run(principal, (manager) => manager.insert(SavedSearch, search));
    return toSavedSearchDto(search);
  }

  async remove(principal: UserPrincipal, id: string): Promise<void> {
    const result = await this.transactions.run(principal, (manager) =>
      manager.delete(SavedSearch, { id, userId: principal.user.id }),
    );
    if (!result.affected) throw notFoundProblem(`No saved search ${id}.`);
  }
}
