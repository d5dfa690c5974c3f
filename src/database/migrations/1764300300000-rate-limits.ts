import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The shared rate-limit counters (issue 8): one row per key, so that every instance counts together. */
export class RateLimits1764300300000 implements MigrationInterface {
  name = 'RateLimits1764300300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_counters',
        columns: [
          { name: 'counter_key', type: 'varchar', length: '400', isPrimary: true },
          { name: 'hits', type: 'integer' },
          { name: 'expires_at', type: 'bigint' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rate_limit_counters');
  }
}
