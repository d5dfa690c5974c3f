import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Companies get administered (issue 15): an `active` flag, and `name_key` (the name as compared,
 * see companyNameKey) whose unique index makes names unique regardless of case on both databases.
 */
export class CompanyAdmin1764300500000 implements MigrationInterface {
  name = 'CompanyAdmin1764300500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('companies', [
      new TableColumn({ name: 'active', type: 'boolean', default: true }),
      new TableColumn({ name: 'name_key', type: 'varchar', length: '200', isNullable: true }),
    ]);
    await queryRunner.query('UPDATE companies SET name_key = LOWER(TRIM(name))');
    await queryRunner.createIndex(
      'companies',
      new TableIndex({ name: 'UQ_companies_name_key', columnNames: ['name_key'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('companies', 'UQ_companies_name_key');
    await queryRunner.dropColumns('companies', ['name_key', 'active']);
  }
}
