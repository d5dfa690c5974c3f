import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';
import type { Role, UserStatus } from './role.js';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Stored lower-cased, so the unique index makes it case-insensitive. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 10 })
  status!: UserStatus;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash!: string | null;

  /** The client company a CLIENT user belongs to. */
  @Column({ name: 'company_id', type: 'varchar', length: 36, nullable: true })
  companyId!: string | null;

  @Column({ name: 'activation_token_hash', type: 'varchar', length: 64, nullable: true })
  activationTokenHash!: string | null;

  @Column({ name: 'activation_expires_at', ...instantColumn, nullable: true })
  activationExpiresAt!: Date | null;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export function toPublicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}
