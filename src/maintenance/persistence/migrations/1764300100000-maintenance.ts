import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const instant = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
const actor = (name: string, isNullable = false) => ({
  name,
  type: 'varchar',
  length: '320',
  isNullable,
});

/** Maintenance windows, their events (R5) and the R9 notice acknowledgements. */
export class Maintenance1764300100000 implements MigrationInterface {
  name = 'Maintenance1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'maintenance_windows',
        columns: [
          id,
          instant('starts_at'),
          instant('expected_end_at', true),
          { name: 'message', type: 'varchar', length: '500', isNullable: true },
          actor('created_by'),
          actor('turned_off_by', true),
          instant('turned_off_at', true),
          { name: 'version', type: 'integer' },
          instant('updated_at'),
          actor('updated_by'),
          instant('downtime_started_at', true),
        ],
      }),
    );
    // At most one open window: the indexed expression is the same (true) for every open row.
    // Plain SQL because TableIndex takes columns only; this syntax is the same on SQLite and PostgreSQL.
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_maintenance_windows_one_open" ON "maintenance_windows" ((turned_off_at IS NULL)) WHERE turned_off_at IS NULL',
    );
    await queryRunner.createTable(
      new Table({
        name: 'maintenance_events',
        columns: [
          id,
          { name: 'window_id', type: 'varchar', length: '36' },
          { name: 'type', type: 'varchar', length: '30' },
          instant('at'),
          actor('actor'),
          { name: 'details', type: 'text' },
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
    await queryRunner.createIndex(
      'maintenance_events',
      new TableIndex({ name: 'IDX_maintenance_events_at', columnNames: ['at'] }),
    );
    // R5: downtime-started exactly once per window, however many instances try.
    await queryRunner.createIndex(
      'maintenance_events',
      new TableIndex({
        name: 'UQ_maintenance_events_downtime_started',
        columnNames: ['window_id'],
        isUnique: true,
        where: "type = 'downtime-started'",
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'maintenance_notice_acks',
        columns: [
          { name: 'session_key_hash', type: 'varchar', length: '64', isPrimary: true },
          { ...instant('starts_at'), isPrimary: true },
          instant('acked_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('maintenance_notice_acks');
    await queryRunner.dropTable('maintenance_events');
    await queryRunner.dropTable('maintenance_windows');
  }
}
