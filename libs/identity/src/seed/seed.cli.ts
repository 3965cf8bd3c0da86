import { DataSource } from 'typeorm';
import { dataSourceOptions, exitOnConfigurationError, validateEnvironment } from '@awardflow/platform';
import { Office } from '../offices/office.entity';
import { User } from '../users/user.entity';
import { seedUsers } from './seed-users';

/** `npm run seed [-- --demo]`: the first admin from ADMIN_USERNAME / ADMIN_PASSWORD, and demo users. */
async function main(): Promise<void> {
  // Like the API and the worker: a published secret or a weak first-admin password exits 78 with one line.
  exitOnConfigurationError();
  const env = validateEnvironment(process.env);
  if (!env.ADMIN_USERNAME || !env.ADMIN_PASSWORD) {
    // `npm start` seeds only when told who the first admin is; `npm run seed` insists.
    if (process.argv.includes('--if-configured')) return;
    throw new Error('ADMIN_USERNAME and ADMIN_PASSWORD must both be set to seed the first admin');
  }
  const dataSource = new DataSource({ ...dataSourceOptions(env.DATABASE_URL, 'awardflow-seed'), entities: [User, Office] });
  await dataSource.initialize();
  try {
    const created = await seedUsers(dataSource, {
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD,
      adminEmail: env.ADMIN_EMAIL,
      demo: process.argv.includes('--demo'),
    });
    console.log(created.length ? `seed: created ${created.join(', ')}` : 'seed: users already present');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
