import { Foundation1764300000000 } from './migrations/1764300000000-foundation.js';
import { MAINTENANCE_MIGRATIONS } from '../maintenance/index.js';
import { Features1764300200000 } from './migrations/1764300200000-features.js';
import { RateLimits1764300300000 } from './migrations/1764300300000-rate-limits.js';
import { CompanyAdmin1764300500000 } from './migrations/1764300500000-company-admin.js';
import { Announcements1764302100000 } from './migrations/1764302100000-announcements.js';

/** Every migration, in order. The maintenance module keeps its own (it can be lifted out whole). */
export const MIGRATIONS = [
  Foundation1764300000000,
  ...MAINTENANCE_MIGRATIONS,
  Features1764300200000,
  RateLimits1764300300000,
  CompanyAdmin1764300500000,
  Announcements1764302100000,
];
