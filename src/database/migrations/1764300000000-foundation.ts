import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const instant = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });

/** Users, sessions and integration clients (the identity part of the foundation). */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          { name: 'email', type: 'varchar', length: '320', isUnique: true },
          { name: 'display_name', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'password_hash', type: 'varchar', length: '200', isNullable: true },
          { name: 'company_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'activation_token_hash', type: 'varchar', length: '64', isNullable: true },
          instant('activation_expires_at', true),
          instant('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'id_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'csrf_token', type: 'varchar', length: '64' },
          instant('created_at'),
          instant('last_seen_at'),
          instant('expires_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createIndex(
      'sessions',
      new TableIndex({ name: 'IDX_sessions_user_id', columnNames: ['user_id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'integration_clients',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'enabled', type: 'boolean', default: true },
          instant('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('integration_clients');
    await queryRunner.dropTable('sessions');
    await queryRunner.dropTable('users');
  }
}
