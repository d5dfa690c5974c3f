import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

/** One applied back-office mutation, by idempotency key: a retry gets this response instead of a second change. */
@Entity({ name: 'backoffice_mutations' })
export class BackofficeMutation {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  /** SHA-256 of the canonical request body, to tell a retry from a different request with the same key. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ name: 'response_status', type: 'integer' })
  responseStatus!: number;

  @Column({ name: 'response_body', type: 'text' })
  responseBody!: string;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
