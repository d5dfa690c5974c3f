import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Announcements of maintenance windows (issue 20): examined events, the mail outbox, users' languages. */
export class Announcements1764302100000 implements MigrationInterface {
  name = 'Announcements1764302100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'announcement_changes',
        columns: [
          { name: 'event_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'window_id', type: 'varchar', length: '36' },
          { name: 'method', type: 'varchar', length: '10', isNullable: true },
          { name: 'sequence', type: 'integer', isNullable: true },
          { name: 'starts_at', type: 'bigint' },
          { name: 'expected_end_at', type: 'bigint', isNullable: true },
          { name: 'message', type: 'varchar', length: '500', isNullable: true },
          { name: 'recipients', type: 'integer' },
          { name: 'created_at', type: 'bigint' },
        ],
        indices: [{ columnNames: ['window_id', 'sequence'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'announcement_deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'language', type: 'varchar', length: '5' },
          { name: 'sent_at', type: 'bigint', isNullable: true },
          { name: 'claimed_until', type: 'bigint', isNullable: true },
          { name: 'claim_token', type: 'varchar', length: '36', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'last_error', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [
          { columnNames: ['event_id', 'user_id'], isUnique: true },
          { columnNames: ['sent_at', 'claimed_until'] },
        ],
        foreignKeys: [
          {
            columnNames: ['event_id'],
            referencedTableName: 'announcement_changes',
            referencedColumnNames: ['event_id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'user_languages',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'language', type: 'varchar', length: '5' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('user_languages');
    await queryRunner.dropTable('announcement_deliveries');
    await queryRunner.dropTable('announcement_changes');
  }
}
