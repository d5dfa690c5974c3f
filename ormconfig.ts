import { DataSource } from 'typeorm';
import { loadAppConfig } from './src/config/app-config.js';
import { dataSourceOptions, parseDatabaseUrl, prepareDatabase } from './src/database/database-url.js';
import { MIGRATIONS } from './src/database/migrations.js';

/** The data source the TypeORM CLI uses (`npm run migration:run`). */
const target = parseDatabaseUrl(loadAppConfig().DATABASE_URL);
await prepareDatabase(target);

export default new DataSource(dataSourceOptions(target, { migrations: MIGRATIONS }));
