import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The impact view: refusal counts per window and principal kind (summed from every instance's
 * flushed deltas), and who closed the R9 notice (to count distinct users, not sessions).
 */
export class MaintenanceImpact1764300400000 implements MigrationInterface {
  name = 'MaintenanceImpact1764300400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'maintenance_refusal_counts',
        columns: [
          { name: 'window_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'principal_kind', type: 'varchar', length: '20', isPrimary: true },
          { name: 'count', type: 'bigint' },
        ],
        foreignKeys: [
          {
            columnNames: ['window_id'],
            referencedTableName: 'maintenance_windows',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.addColumn(
      'maintenance_notice_acks',
      new TableColumn({ name: 'actor', type: 'varchar', length: '320', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('maintenance_notice_acks', 'actor');
    await queryRunner.dropTable('maintenance_refusal_counts');
  }
}
