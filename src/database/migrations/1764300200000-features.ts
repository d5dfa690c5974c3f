import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ref = (name: string, isNullable = false) => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable,
});
const instant = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
const date = (name: string, isNullable = false) => ({
  name,
  type: 'varchar',
  length: '10',
  isNullable,
});
const money = (name: string, isNullable = false) => ({
  name,
  type: 'decimal',
  precision: 12,
  scale: 2,
  isNullable,
});
const fk = (column: string, table: string, onDelete = 'CASCADE') => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete,
});
const index = (table: string, ...columns: string[]) =>
  new TableIndex({ name: `IDX_${table}_${columns.join('_')}`, columnNames: columns });

/** The platform around the lockout: companies, contracts, declarations, public forms, alerts and the links (issue 4). */
export class Features1764300200000 implements MigrationInterface {
  name = 'Features1764300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'companies',
        columns: [id, { name: 'name', type: 'varchar', length: '200' }, instant('created_at')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'contracts',
        columns: [
          id,
          { name: 'title', type: 'varchar', length: '200' },
          ref('candidate_id'),
          ref('client_company_id'),
          date('start_date'),
          date('end_date', true),
          money('hourly_rate'),
          { name: 'status', type: 'varchar', length: '10' },
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [
          fk('candidate_id', 'users', 'RESTRICT'),
          fk('client_company_id', 'companies', 'RESTRICT'),
        ],
      }),
    );
    await queryRunner.createIndex('contracts', index('contracts', 'candidate_id'));
    await queryRunner.createIndex('contracts', index('contracts', 'client_company_id'));
    await queryRunner.createTable(
      new Table({
        name: 'declarations',
        columns: [
          id,
          ref('contract_id'),
          date('period_start'),
          date('period_end'),
          { name: 'hours', type: 'decimal', precision: 7, scale: 2 },
          money('amount', true),
          { name: 'note', type: 'varchar', length: '1000', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          ref('decided_by', true),
          instant('decided_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [fk('contract_id', 'contracts')],
      }),
    );
    await queryRunner.createIndex('declarations', index('declarations', 'contract_id'));
    await queryRunner.createTable(
      new Table({
        name: 'vacancies',
        columns: [
          id,
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'location', type: 'varchar', length: '200' },
          { name: 'description', type: 'varchar', length: '4000' },
          { name: 'status', type: 'varchar', length: '10' },
          instant('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex('vacancies', index('vacancies', 'created_at'));
    await queryRunner.createTable(
      new Table({
        name: 'job_applications',
        columns: [
          id,
          ref('vacancy_id'),
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'motivation', type: 'varchar', length: '4000', isNullable: true },
          { name: 'client_address', type: 'varchar', length: '64' },
          instant('created_at'),
        ],
        foreignKeys: [fk('vacancy_id', 'vacancies')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'public_forms',
        columns: [
          id,
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'varchar', length: '2000' },
          { name: 'fields', type: 'text' },
          instant('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'form_submissions',
        columns: [
          id,
          ref('form_id'),
          { name: 'fields', type: 'text' },
          { name: 'client_address', type: 'varchar', length: '64' },
          instant('created_at'),
        ],
        foreignKeys: [fk('form_id', 'public_forms')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'saved_searches',
        columns: [
          id,
          ref('user_id'),
          { name: 'keyword', type: 'varchar', length: '100', isNullable: true },
          { name: 'location', type: 'varchar', length: '100', isNullable: true },
          instant('last_run_at'),
          instant('created_at'),
        ],
        foreignKeys: [fk('user_id', 'users')],
      }),
    );
    await queryRunner.createIndex('saved_searches', index('saved_searches', 'user_id'));
    await queryRunner.createTable(
      new Table({
        name: 'integration_messages',
        columns: [
          id,
          ref('client_id'),
          { name: 'type', type: 'varchar', length: '100' },
          { name: 'payload', type: 'text' },
          instant('received_at'),
        ],
        foreignKeys: [fk('client_id', 'integration_clients')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'backoffice_mutations',
        columns: [
          { ...ref('client_id'), isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '200', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'response_status', type: 'integer' },
          { name: 'response_body', type: 'text' },
          instant('created_at'),
        ],
        foreignKeys: [fk('client_id', 'integration_clients')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'backoffice_mutations',
      'integration_messages',
      'saved_searches',
      'form_submissions',
      'public_forms',
      'job_applications',
      'vacancies',
      'declarations',
      'contracts',
      'companies',
    ])
      await queryRunner.dropTable(table);
  }
}
