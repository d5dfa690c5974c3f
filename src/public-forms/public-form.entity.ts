import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../database/instant.transformer.js';
import type { FormField } from './form-definition.js';

/** A form anyone may fill in without login (R13), e.g. "contact us" or "register as a candidate". */
@Entity({ name: 'public_forms' })
export class PublicForm {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 2000 })
  description!: string;

  /** The definition is small and always read whole, so it lives in the form's row as JSON. */
  @Column({ type: 'simple-json' })
  fields!: FormField[];

  @Column({ name: 'created_at', ...instantColumn })
  createdAt!: Date;
}
