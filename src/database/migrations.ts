import { Foundation1764300000000 } from './migrations/1764300000000-foundation.js';
import { Maintenance1764300100000 } from '../maintenance/migrations/1764300100000-maintenance.js';
import { Features1764300200000 } from './migrations/1764300200000-features.js';
import { RateLimits1764300300000 } from './migrations/1764300300000-rate-limits.js';

/** Every migration, in order. The maintenance module keeps its own (it can be lifted out whole). */
export const MIGRATIONS = [
  Foundation1764300000000,
  Maintenance1764300100000,
  Features1764300200000,
  RateLimits1764300300000,
];
