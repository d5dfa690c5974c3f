// The PostgreSQL e2e run needs TEST_POSTGRES_URL; without it the run is refused, never silently skipped.
if (!process.env.TEST_POSTGRES_URL) {
  console.error('TEST_POSTGRES_URL is not set: the e2e suite must also run on PostgreSQL (see README).');
  process.exit(1);
}
