import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DemoSeeder, type DemoDataSeeder } from '../demo/demo-seeder.decorator.js';
import { PublicForm } from './public-form.entity.js';
import { Vacancy } from './vacancy.entity.js';

export const DEMO_FORM_ID = '00000000-0000-4000-8000-0000000f0001';
export const DEMO_VACANCIES = {
  developer: '00000000-0000-4000-8000-0000000e0001',
  nurse: '00000000-0000-4000-8000-0000000e0002',
  /** Closed: listed nowhere, applications refused. */
  closed: '00000000-0000-4000-8000-0000000e0003',
} as const;

/** A few vacancies and one public contact form. */
@Injectable()
@DemoSeeder(13)
export class PublicFormsDemoSeeder implements DemoDataSeeder {
  constructor(private readonly clock: Clock) {}

  async seed(manager: EntityManager): Promise<void> {
    if (await manager.existsBy(PublicForm, { id: DEMO_FORM_ID })) return;
    const createdAt = this.clock.now();
    await manager.insert(Vacancy, [
      {
        id: DEMO_VACANCIES.developer,
        title: 'Junior developer',
        location: 'Amsterdam',
        description: 'Build and maintain internal tools for a logistics client.',
        status: 'open',
        createdAt,
      },
      {
        id: DEMO_VACANCIES.nurse,
        title: 'Night nurse',
        location: 'Utrecht',
        description: 'Night shifts in a care home, 24 hours a week.',
        status: 'open',
        createdAt,
      },
      {
        id: DEMO_VACANCIES.closed,
        title: 'Seasonal picker',
        location: 'Rotterdam',
        description: 'Filled.',
        status: 'closed',
        createdAt,
      },
    ]);
    await manager.insert(PublicForm, {
      id: DEMO_FORM_ID,
      title: 'Contact us',
      description: 'Questions about working with us? We answer within two working days.',
      fields: [
        { name: 'name', label: 'Name', type: 'text', required: true, maxLength: 200 },
        { name: 'email', label: 'E-mail', type: 'email', required: true, maxLength: 320 },
        { name: 'phone', label: 'Phone', type: 'text', required: false, maxLength: 40 },
        { name: 'message', label: 'Message', type: 'textarea', required: true, maxLength: 2000 },
      ],
      createdAt,
    });
  }
}
