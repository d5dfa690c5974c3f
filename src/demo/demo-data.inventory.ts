import { Injectable } from '@nestjs/common';
import {
  In,
  Not,
  type EntityManager,
  type EntityTarget,
  type FindOptionsSelect,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import { SavedSearch } from '../alerts/saved-search.entity.js';
import { Session } from '../auth/session.entity.js';
import { Company } from '../companies/company.entity.js';
import { Contract } from '../contracts/contract.entity.js';
import { Declaration } from '../declarations/declaration.entity.js';
import { BackofficeMutation } from '../integrations/backoffice-mutation.entity.js';
import { IntegrationClient } from '../integrations/integration-client.entity.js';
import { IntegrationMessage } from '../integrations/integration-message.entity.js';
import { FormSubmission } from '../public-forms/form-submission.entity.js';
import { JobApplication } from '../public-forms/job-application.entity.js';
import { PublicForm } from '../public-forms/public-form.entity.js';
import { Vacancy } from '../public-forms/vacancy.entity.js';
import { User } from '../users/user.entity.js';
import { DEMO_FOOTPRINT as DEMO } from './demo-footprint.js';
import type { DemoCredentialCounts, DemoRemoval } from './demo-data.report.js';

/** Every entity `demo remove` touches (the module registers them, also in the command line's context). */
export const DEMO_ENTITIES = [
  User,
  Session,
  IntegrationClient,
  IntegrationMessage,
  BackofficeMutation,
  Company,
  Contract,
  Declaration,
  SavedSearch,
  PublicForm,
  FormSubmission,
  Vacancy,
  JobApplication,
];

const demoUsers: FindOptionsWhere<User>[] = [
  { id: In(DEMO.userIds) },
  { email: In(DEMO.userEmails) },
  { activationTokenHash: DEMO.activationTokenHash },
];
const demoClients: FindOptionsWhere<IntegrationClient>[] = [
  { id: In(DEMO.integrationClientIds) },
  { tokenHash: In(DEMO.integrationTokenHashes) },
];

const idsOf = async <T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>[],
): Promise<string[]> =>
  (await manager.find(entity, { where, select: { id: true } as FindOptionsSelect<T> })).map(
    (row) => row.id,
  );

/**
 * Finds and removes the demo data the seeders put in (src/demo-seeder files): the accounts and
 * their sessions, the demo link tokens, and the demo business data with what hangs on it.
 */
@Injectable()
export class DemoDataInventory {
  async credentials(manager: EntityManager): Promise<DemoCredentialCounts> {
    const userIds = await idsOf(manager, User, demoUsers);
    const [sessions, bearers, activations] = await Promise.all([
      userIds.length ? manager.countBy(Session, { userId: In(userIds) }) : 0,
      manager.count(IntegrationClient, { where: demoClients }),
      manager.countBy(User, { activationTokenHash: DEMO.activationTokenHash }),
    ]);
    return { accounts: userIds.length, sessions, linkTokens: bearers + activations };
  }

  /**
   * Deletes in one transaction's manager, children first. Contracts of a demo candidate or at a
   * demo company go with their declarations; a demo company that a non-demo user belongs to is kept
   * (with its other contracts) so that no real user is left pointing at nothing.
   */
  async remove(manager: EntityManager): Promise<DemoRemoval> {
    const userIds = await idsOf(manager, User, demoUsers);
    const clientIds = await idsOf(manager, IntegrationClient, demoClients);
    const companyIds = await idsOf(manager, Company, [{ id: In(DEMO.companyIds) }]);
    const kept = new Set(
      (
        await manager.find(User, {
          where: { companyId: In(companyIds), id: Not(In(userIds)) },
          select: { companyId: true },
        })
      ).map((user) => user.companyId),
    );
    const removableCompanyIds = companyIds.filter((id) => !kept.has(id));
    const contractIds = await idsOf(manager, Contract, [
      { id: In(DEMO.contractIds) },
      { candidateId: In(userIds) },
      { clientCompanyId: In(removableCompanyIds) },
    ]);
    const removed: Record<string, number> = {};
    const remove = async <T extends ObjectLiteral>(
      table: string,
      entity: EntityTarget<T>,
      where: FindOptionsWhere<T>[],
    ): Promise<void> => {
      let count = 0;
      for (const condition of where)
        count += (await manager.delete(entity, condition)).affected ?? 0;
      removed[table] = count;
    };
    await remove('sessions', Session, [{ userId: In(userIds) }]);
    await remove('saved searches', SavedSearch, [
      { id: In(DEMO.savedSearchIds) },
      { userId: In(userIds) },
    ]);
    await remove('declarations', Declaration, [
      { id: In(DEMO.declarationIds) },
      { contractId: In(contractIds) },
    ]);
    await remove('contracts', Contract, [{ id: In(contractIds) }]);
    await remove('form submissions', FormSubmission, [{ formId: In(DEMO.formIds) }]);
    await remove('public forms', PublicForm, [{ id: In(DEMO.formIds) }]);
    await remove('job applications', JobApplication, [{ vacancyId: In(DEMO.vacancyIds) }]);
    await remove('vacancies', Vacancy, [{ id: In(DEMO.vacancyIds) }]);
    await remove('integration messages', IntegrationMessage, [{ clientId: In(clientIds) }]);
    await remove('back-office mutations', BackofficeMutation, [{ clientId: In(clientIds) }]);
    await remove('link tokens', IntegrationClient, [{ id: In(clientIds) }]);
    await remove('accounts', User, [{ id: In(userIds) }]);
    await remove('companies', Company, [{ id: In(removableCompanyIds) }]);
    return { removed, keptCompanies: companyIds.length - removableCompanyIds.length };
  }
}
