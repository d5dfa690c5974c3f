import { DataSource } from 'typeorm';
import { loadAppConfig } from './src/config/app-config.js';
import { dataSourceOptions, parseDatabaseUrl } from './src/database/database-url.js';
import { MIGRATIONS } from './src/database/migrations.js';

/** The data source the TypeORM CLI uses (`npm run migration:run`). */
export default new DataSource(
  dataSourceOptions(parseDatabaseUrl(loadAppConfig().DATABASE_URL), { migrations: MIGRATIONS }),
);
