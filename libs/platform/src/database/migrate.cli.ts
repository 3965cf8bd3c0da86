import { validateEnvironment } from '../config/environment';
import { ensureDatabase, revertLastMigration, runMigrations } from './run-migrations';

async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (process.argv.includes('--revert')) {
    await revertLastMigration(env.DATABASE_URL);
    console.log('migrations: reverted the last migration');
    return;
  }
  await ensureDatabase(env.DATABASE_URL);
  const applied = await runMigrations(env.DATABASE_URL);
  console.log(applied.length ? `migrations: applied ${applied.join(', ')}` : 'migrations: schema is up to date');
}

main().catch((error: Error) => {
  console.error(`migrations failed: ${error.message}`);
  process.exit(1);
});
