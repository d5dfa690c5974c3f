import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher.js';
import { Clock } from '../common/clock.js';
import { sha256 } from '../common/secrets.js';
import { DemoSeeder, type DemoDataSeeder } from '../demo/demo-seeder.decorator.js';
import { IntegrationClient } from '../integrations/integration-client.entity.js';
import type { Role } from './role.js';
import { User } from './user.entity.js';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACTIVATION_TOKEN = 'demo-activation-token';
export const DEMO_COMPANY_ID = '00000000-0000-4000-8000-00000000c001';

/** Stable ids so that other seeders (contracts, declarations) can refer to the demo users. */
export const DEMO_USERS: ReadonlyArray<{
  id: string;
  email: string;
  displayName: string;
  role: Role;
}> = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'admin@demo.test',
    displayName: 'Ada Admin',
    role: 'CUSTOMER_ADMIN',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    email: 'consultant@demo.test',
    displayName: 'Cor Consultant',
    role: 'CONSULTANT',
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    email: 'agency@demo.test',
    displayName: 'Anna Agency',
    role: 'AGENCY_USER',
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    email: 'client@demo.test',
    displayName: 'Chris Client',
    role: 'CLIENT',
  },
  {
    id: '00000000-0000-4000-8000-000000000005',
    email: 'candidate@demo.test',
    displayName: 'Kim Candidate',
    role: 'CANDIDATE',
  },
];

/** Not yet active: signs up with DEMO_ACTIVATION_TOKEN. */
export const DEMO_INVITED_USER = {
  id: '00000000-0000-4000-8000-000000000006',
  email: 'invited@demo.test',
  displayName: 'Ivo Invited',
  role: 'AGENCY_USER',
} as const;

/** The demo third-party and back-office links with their bearer tokens. */
export const DEMO_INTEGRATION_CLIENTS = [
  {
    id: '00000000-0000-4000-8000-0000000000a1',
    name: 'Demo job board',
    kind: 'THIRD_PARTY',
    token: 'demo-third-party-token',
  },
  {
    id: '00000000-0000-4000-8000-0000000000a2',
    name: 'Demo payroll back office',
    kind: 'BACKOFFICE',
    token: 'demo-backoffice-token',
  },
] as const;

/** One active user per role, one invited user, and the two demo integration tokens. */
@Injectable()
@DemoSeeder(0)
export class IdentityDemoSeeder implements DemoDataSeeder {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async seed(manager: EntityManager): Promise<void> {
    if (await manager.existsBy(User, { email: DEMO_USERS[0].email })) return;
    const now = this.clock.now();
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await manager.insert(
      User,
      DEMO_USERS.map((user) => ({
        ...user,
        status: 'active' as const,
        passwordHash,
        companyId: user.role === 'CLIENT' ? DEMO_COMPANY_ID : null,
        activationTokenHash: null,
        activationExpiresAt: null,
        createdAt: now,
      })),
    );
    await manager.insert(User, {
      ...DEMO_INVITED_USER,
      status: 'invited',
      passwordHash: null,
      companyId: null,
      activationTokenHash: sha256(DEMO_ACTIVATION_TOKEN),
      // Long-lived on purpose: the demo invitation should still work weeks after the first start.
      activationExpiresAt: new Date(now.getTime() + 365 * 24 * 3_600_000),
      createdAt: now,
    });
    await manager.insert(
      IntegrationClient,
      DEMO_INTEGRATION_CLIENTS.map(({ token, ...client }) => ({
        ...client,
        tokenHash: sha256(token),
        enabled: true,
        createdAt: now,
      })),
    );
  }
}
