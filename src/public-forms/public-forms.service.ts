import { Transactions } from '../database/transactions.js';
import { ANONYMOUS } from '../auth/principal.js';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { fieldProblem, notFoundProblem, validationProblem } from '../common/problem.js';
import { pageWindow, type Page, type PageQueryDto } from '../contracts/pagination.js';
import { checkSubmission, normalizeSubmission } from './form-definition.js';
import { FormSubmission } from './form-submission.entity.js';
import { JobApplication } from './job-application.entity.js';
import {
  toPublicFormDto,
  type CreateJobApplicationDto,
  type PublicFormDto,
  type ReceiptDto,
} from './public.dto.js';
import { PublicForm } from './public-form.entity.js';
import { Vacancy } from './vacancy.entity.js';

/** What anonymous visitors send: job applications and public form submissions (R13). */
@Injectable()
export class PublicFormsService {
  constructor(
    @InjectRepository(Vacancy) private readonly vacancies: Repository<Vacancy>,
    @InjectRepository(JobApplication) private readonly applications: Repository<JobApplication>,
    @InjectRepository(PublicForm) private readonly forms: Repository<PublicForm>,
    @InjectRepository(FormSubmission) private readonly submissions: Repository<FormSubmission>,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
  ) {}

  async apply(dto: CreateJobApplicationDto, clientAddress: string): Promise<ReceiptDto> {
    if (!(await this.vacancies.existsBy({ id: dto.vacancyId, status: 'open' })))
      throw fieldProblem('vacancyId', 'is not an open vacancy');
    const application: JobApplication = {
      id: randomUUID(),
      vacancyId: dto.vacancyId,
      name: dto.name.trim(),
      email: dto.email,
      motivation: dto.motivation ?? null,
      clientAddress,
      createdAt: this.clock.now(),
    };
    await this.transactions.run(ANONYMOUS, (manager) =>
      manager.insert(JobApplication, application),
    );
    return { id: application.id, createdAt: application.createdAt.toISOString() };
  }

  async listForms(query: PageQueryDto): Promise<Page<PublicFormDto>> {
    const [rows, total] = await this.forms.findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      ...pageWindow(query),
    });
    return { items: rows.map(toPublicFormDto), total };
  }

  async submit(
    formId: string,
    fields: Record<string, unknown>,
    clientAddress: string,
  ): Promise<ReceiptDto> {
    const form = await this.forms.findOneBy({ id: formId });
    if (!form) throw notFoundProblem(`No form ${formId}.`);
    const errors = checkSubmission(form.fields, fields);
    if (errors.length > 0) throw validationProblem(errors);
    const submission: FormSubmission = {
      id: randomUUID(),
      formId,
      fields: normalizeSubmission(form.fields, fields),
      clientAddress,
      createdAt: this.clock.now(),
    };
    await this.transactions.run(ANONYMOUS, (manager) => manager.insert(FormSubmission, submission));
    return { id: submission.id, createdAt: submission.createdAt.toISOString() };
  }
}
