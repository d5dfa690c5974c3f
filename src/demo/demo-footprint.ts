import { DEMO_SAVED_SEARCH_ID } from '../alerts/alerts.demo-seeder.js';
import { sha256 } from '../common/secrets.js';
import { DEMO_COMPANIES } from '../companies/companies.demo-seeder.js';
import { DEMO_CONTRACTS } from '../contracts/contracts.demo-seeder.js';
import { DEMO_DECLARATIONS } from '../declarations/declarations.demo-seeder.js';
import { DEMO_FORM_ID, DEMO_VACANCIES } from '../public-forms/public-forms.demo-seeder.js';
import {
  DEMO_ACTIVATION_TOKEN,
  DEMO_INTEGRATION_CLIENTS,
  DEMO_INVITED_USER,
  DEMO_USERS,
} from '../users/identity.demo-seeder.js';

/**
 * How demo rows are recognised, from the seeders' own constants: by their fixed ids, and the
 * credentials also by what they are (the demo e-mail addresses and token hashes), so that a demo
 * credential moved to another row is still found.
 */
export const DEMO_FOOTPRINT = {
  userIds: [...DEMO_USERS, DEMO_INVITED_USER].map((user) => user.id),
  userEmails: [...DEMO_USERS, DEMO_INVITED_USER].map((user) => user.email),
  activationTokenHash: sha256(DEMO_ACTIVATION_TOKEN),
  integrationClientIds: DEMO_INTEGRATION_CLIENTS.map((client) => client.id),
  integrationTokenHashes: DEMO_INTEGRATION_CLIENTS.map((client) => sha256(client.token)),
  companyIds: DEMO_COMPANIES.map((company) => company.id),
  contractIds: Object.values(DEMO_CONTRACTS),
  declarationIds: Object.values(DEMO_DECLARATIONS),
  savedSearchIds: [DEMO_SAVED_SEARCH_ID],
  formIds: [DEMO_FORM_ID],
  vacancyIds: Object.values(DEMO_VACANCIES),
} as const;
