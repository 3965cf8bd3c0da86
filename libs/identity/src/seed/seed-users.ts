import { DataSource } from 'typeorm';
import { Office } from '../offices/office.entity';
import { User } from '../users/user.entity';
import { Role } from '../roles/role';
import { PasswordHashCost, PasswordHasher } from '../auth/password-hasher';

export interface SeedOptions {
  adminUsername: string;
  adminPassword: string;
  adminEmail?: string;
  /** Also create one user of every role (password = the admin's), for trying the product out. */
  demo: boolean;
  /** argon2's cost for the new users (the environment's); argon2's defaults without it. */
  hashCost?: PasswordHashCost;
}

export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role }> = [
  { username: 'demo-applicant', displayName: '示例申报单位联系人', role: Role.Applicant },
  { username: 'demo-recommender', displayName: '示例区县推荐单位', role: Role.Recommender },
  { username: 'demo-reviewer', displayName: '示例评审专家', role: Role.Reviewer },
  { username: 'demo-admin', displayName: '示例评奖办公室', role: Role.Admin },
];

/** Idempotent: creates what is missing, never changes an existing user's password. */
export async function seedUsers(dataSource: DataSource, options: SeedOptions): Promise<string[]> {
  const hasher = new PasswordHasher(options.hashCost);
  const users = dataSource.getRepository(User);
  const offices = await dataSource.getRepository(Office).find();
  const wanted = [{ username: options.adminUsername, displayName: '系统管理员', role: Role.Admin, email: options.adminEmail ?? null }];
  if (options.demo) wanted.push(...DEMO_USERS.map((u) => ({ ...u, email: `${u.username}@awardflow.local` })));
  const created: string[] = [];
  for (const spec of wanted) {
    const exists = await users.createQueryBuilder('u').where('lower(u.username) = lower(:n)', { n: spec.username }).getExists();
    if (exists) continue;
    await users.save(
      users.create({
        ...spec,
        passwordHash: await hasher.hash(options.adminPassword),
        organizationId: null,
        offices: spec.role === Role.Applicant ? [] : offices,
      }),
    );
    created.push(spec.username);
  }
  return created;
}
