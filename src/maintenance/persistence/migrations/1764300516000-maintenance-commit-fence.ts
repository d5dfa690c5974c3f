import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SQLSTATE the commit-time fence raises (a class of its own, so nothing else shares it). */
export const COMMIT_FENCE_SQLSTATE = 'MF001';

/**
 * R15 at COMMIT (PostgreSQL): the write fence checks the window inside the write's transaction,
 * but one round trip remains before COMMIT in which the start can pass. The fence's read also
 * inserts a row into `maintenance_commit_fences`; a DEFERRABLE INITIALLY DEFERRED constraint
 * trigger on that table runs at COMMIT, compares the commit-time clock (clock_timestamp()) with
 * the open window, and raises COMMIT_FENCE_SQLSTATE if the start has passed, so the whole
 * transaction rolls back. It deletes its row otherwise, so the table stays empty. Only fenced
 * (regular users') transactions insert a row; exempt writes never pay for it.
 *
 * SQLite has no such trigger and needs none: Transactions.run serialises transactions in this
 * process and the fence's check and COMMIT follow each other there without a round trip to
 * another server; the start instant is read from the same clock. A start that passes in between
 * is indistinguishable from a write that committed those microseconds earlier.
 */
export class MaintenanceCommitFence1764300516000 implements MigrationInterface {
  name = 'MaintenanceCommitFence1764300516000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      'CREATE TABLE maintenance_commit_fences (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)',
    );
    await queryRunner.query(`
      CREATE FUNCTION maintenance_commit_fence() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        started maintenance_windows%ROWTYPE;
      BEGIN
        SELECT * INTO started FROM maintenance_windows
          WHERE turned_off_at IS NULL
            AND starts_at <= (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint
          LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'downtime started before this write committed'
            USING ERRCODE = '${COMMIT_FENCE_SQLSTATE}',
                  DETAIL = started.starts_at || ',' || COALESCE(started.expected_end_at::text, '');
        END IF;
        DELETE FROM maintenance_commit_fences WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER maintenance_commit_fence
        AFTER INSERT ON maintenance_commit_fences
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION maintenance_commit_fence()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query('DROP TABLE maintenance_commit_fences');
    await queryRunner.query('DROP FUNCTION maintenance_commit_fence()');
  }
}
