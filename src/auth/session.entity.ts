import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** A login session; the cookie holds a random id, the table only its SHA-256. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  @Index()
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', ...instantColumn })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', ...instantColumn })
  expiresAt!: Date;
}
