import { ensureDatabase, validateEnvironment } from '@awardflow/platform';
import { migrateSchema, revertLastSchemaMigration } from './migrate';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (process.argv.includes('--revert')) {
    await revertLastSchemaMigration(env.DATABASE_URL);
    console.log('migrations: reverted the last migration');
    return;
  }
  await ensureDatabase(env.DATABASE_URL);
  const applied = await migrateSchema(env.DATABASE_URL);
  console.log(applied.length ? `migrations: applied ${applied.join(', ')}` : 'migrations: schema is up to date');
}

main().catch((error: Error) => {
  console.error(`migrations failed: ${error.message}`);
  process.exit(1);
});
