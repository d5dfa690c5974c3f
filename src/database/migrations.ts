import { Foundation1764300000000 } from './migrations/1764300000000-foundation.js';

/** Every migration, in order. Each feature adds its own here. */
export const MIGRATIONS = [Foundation1764300000000];
