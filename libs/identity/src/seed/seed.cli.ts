import { DataSource } from 'typeorm';
import { dataSourceOptions, exitOnConfigurationError, validateEnvironment } from '@awardflow/platform';
import { Office } from '../offices/office.entity';
import { User } from '../users/user.entity';
import { seedOffices } from './seed-offices';
import { seedUsers } from './seed-users';
import { passwordHashCost } from '../auth/password-hasher';

/**
 * `npm run seed [-- --demo] [-- --offices]`: the first admin from ADMIN_USERNAME / ADMIN_PASSWORD,
 * demo users, and 重庆市市场监督管理局 with its 38 区县 offices. Offices come after the users, so the
 * first admin stays an admin of the city (and of the offices that existed before) and is not made a
 * member of every district: the city manages them through the office tree.
 */
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
      hashCost: passwordHashCost(env),
    });
    console.log(created.length ? `seed: created ${created.join(', ')}` : 'seed: users already present');
    if (process.argv.includes('--offices')) {
      const offices = await seedOffices(dataSource);
      console.log(offices.length ? `seed: created ${offices.length} offices: ${offices.join('、')}` : 'seed: offices already present');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`seed failed: ${error.message}`);
  process.exit(1);
});
