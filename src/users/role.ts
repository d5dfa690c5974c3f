/** The five user roles of SPEC §1. */
export const ROLES = [
  'CUSTOMER_ADMIN',
  'CONSULTANT',
  'AGENCY_USER',
  'CLIENT',
  'CANDIDATE',
] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
