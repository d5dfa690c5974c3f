import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-window flag that asks the host to announce the window's changes. Plain ALTER TABLE (the
 * same on both databases): TypeORM's SQLite addColumn rebuilds the table and trips on its defaults.
 */
export class MaintenanceAnnounce1764302000000 implements MigrationInterface {
  name = 'MaintenanceAnnounce1764302000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE maintenance_windows ADD COLUMN announce boolean NOT NULL DEFAULT false',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE maintenance_windows DROP COLUMN announce');
  }
}
