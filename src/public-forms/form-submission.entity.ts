import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';

@Entity({ name: 'form_submissions' })
export class FormSubmission {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'form_id', type: 'varchar', length: 36 })
  formId!: string;

  @Column({ type: 'simple-json' })
  fields!: Record<string, string>;

  @Column({ name: 'client_address', type: 'varchar', length: 64 })
  clientAddress!: string;

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
