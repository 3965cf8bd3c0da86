import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@awardflow/audit';
import { afterCommit, escapeLike, Page, pageOf, pageWindow, ConflictError, DomainError, ErrorCode, FieldError, FieldValidationError, ForbiddenError, NotFoundError, sqlAffected, sqlRows } from '@awardflow/platform';
import { EntityManager, In, Repository } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CreateUserDto, UserDto, UserQuery } from './create-user.dto';
import { UpdateUserDto } from './update-user.dto';
import { AuthUserLoader } from '../auth/auth-user-loader';
import { Office } from '../offices/office.entity';
import { MANAGED_OFFICES_CTE, managedAmong } from '../offices/office-tree';
import { User } from './user.entity';
import { Role } from '../roles/role';
import { PasswordHasher } from '../auth/password-hasher';
import { userAudit } from './user-audit';
import { isDivisionCode } from '../offices/division-code';
import { recommenderAdmitsSql } from './recommender-scope';

type ScopeInput = { recommendsDivisionCode?: string | null; recommendsAwardCodes?: string[] | null };

/** A recommender's scope is checked as the rest of the account: named fields, Chinese reasons. */
function scopeProblems(role: Role, input: ScopeInput, isAward: (code: string) => boolean): FieldError[] {
  const problems: FieldError[] = [];
  const { recommendsDivisionCode: division, recommendsAwardCodes: awards } = input;
  if (role !== Role.Recommender) {
    if (division) problems.push({ field: 'recommendsDivisionCode', messages: ['只有推荐单位的账号有推荐范围'] });
    if (awards) problems.push({ field: 'recommendsAwardCodes', messages: ['只有推荐单位的账号有推荐范围'] });
    return problems;
  }
  if (division && !isDivisionCode(division)) problems.push({ field: 'recommendsDivisionCode', messages: [`不是有效的行政区划代码：${division}`] });
  const unknown = (awards ?? []).filter((code) => !isAward(code));
  if (unknown.length) problems.push({ field: 'recommendsAwardCodes', messages: [`奖项不存在：${unknown.join('、')}`] });
  return problems;
}

@Injectable()
export class UsersService {
  /** The award catalog's say on a code (registered by the applications context: identity sits below the catalog). */
  private isAward: (code: string) => boolean = () => true;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Office) private readonly offices: Repository<Office>,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly callers: AuthUserLoader,
  ) {}

  /** Which award codes a recommender's scope may name. */
  recognizeAwards(isAward: (code: string) => boolean): void {
    this.isAward = isAward;
  }

  async create(input: CreateUserDto, createdBy?: AuthUser): Promise<UserDto> {
    const problems = [];
    if (input.organizationId && input.role !== Role.Applicant) {
      problems.push({ field: 'organizationId', messages: ['只有申报单位的账号可以关联申报单位'] });
    }
    if (input.officeIds?.length && input.role === Role.Applicant) {
      problems.push({ field: 'officeIds', messages: ['申报单位的账号不属于办公室'] });
    }
    problems.push(...scopeProblems(input.role, input, this.isAward));
    if (createdBy && input.officeIds?.length) {
      const managed = await managedAmong(this.users.manager, createdBy.officeIds, input.officeIds);
      if (input.officeIds.some((id) => !managed.has(id))) problems.push({ field: 'officeIds', messages: ['只能授予您所管理的办公室（您所属的办公室及其下级）'] });
    }
    if (problems.length) throw new FieldValidationError(problems);

    if (await this.findByUsername(input.username)) throw new DomainError(ErrorCode.UsernameTaken, { username: input.username });

    const officeIds = input.role === Role.Applicant ? [] : (input.officeIds ?? createdBy?.officeIds ?? []);
    const offices = officeIds.length ? await this.offices.findBy({ id: In(officeIds) }) : [];
    if (offices.length !== officeIds.length) throw new FieldValidationError([{ field: 'officeIds', messages: ['所选办公室不存在'] }]);

    const user = this.users.create({
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      role: input.role,
      organizationId: input.organizationId ?? null,
      recommendsDivisionCode: input.role === Role.Recommender ? (input.recommendsDivisionCode ?? null) : null,
      recommendsAwardCodes: input.role === Role.Recommender ? (input.recommendsAwardCodes ?? null) : null,
      passwordHash: await this.hasher.hash(input.password),
      offices,
    });
    try {
      await this.users.manager.transaction(async (m) => {
        await m.save(user);
        await this.audit.record(userAudit(null, user), m);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new DomainError(ErrorCode.UsernameTaken, { username: input.username });
      throw error;
    }
    return toUserDto(user);
  }

  /**
   * An admin changes an account's role, offices, active flag or password. It applies to the
   * account's next request on any API process (the answer waits until every process has
   * forgotten the caller: AuthUserLoader.forgetEverywhere); disabling it or setting its password
   * also revokes every token issued before.
   */
  async update(id: string, input: UpdateUserDto, admin: AuthUser): Promise<UserDto> {
    const user = await this.findById(id);
    if (!user) throw new NotFoundError('user', id);
    const currentOfficeIds = user.offices.map((o) => o.id);
    // The offices this admin manages (its own and those below them) among those the change touches.
    const managed = await managedAmong(this.users.manager, admin.officeIds, [...currentOfficeIds, ...(input.officeIds ?? [])]);
    if (currentOfficeIds.length && !currentOfficeIds.some((o) => managed.has(o))) {
      throw new ForbiddenError('该账号不属于你所管理的办公室，不能修改');
    }
    const role = input.role ?? user.role;
    const officeIds = role === Role.Applicant ? [] : (input.officeIds ?? currentOfficeIds);
    const problems: FieldError[] = [];
    const scopeChanged = input.recommendsDivisionCode !== undefined || input.recommendsAwardCodes !== undefined;
    if (input.role === undefined && input.officeIds === undefined && input.isActive === undefined && input.password === undefined && !scopeChanged) {
      problems.push({ field: 'role', messages: ['请至少修改一项：角色、所属办公室、启用状态、密码或推荐范围'] });
    }
    problems.push(...scopeProblems(role, input, this.isAward));
    if (id === admin.id && input.isActive === false) problems.push({ field: 'isActive', messages: ['不能停用自己的账号'] });
    if (id === admin.id && role !== user.role) problems.push({ field: 'role', messages: ['不能修改自己的角色'] });
    if (role !== Role.Applicant && user.organizationId) {
      problems.push({ field: 'role', messages: ['该账号已关联申报单位，只能是申报单位角色'] });
    }
    if (role === Role.Applicant && input.officeIds?.length) {
      problems.push({ field: 'officeIds', messages: ['申报单位账号代表单位，不属于办公室'] });
    }
    const changedOffices = [...officeIds.filter((o) => !currentOfficeIds.includes(o)), ...currentOfficeIds.filter((o) => !officeIds.includes(o))];
    if (changedOffices.some((o) => !managed.has(o))) {
      problems.push({ field: 'officeIds', messages: ['只能授予或收回你所管理的办公室的权限'] });
    }
    if (problems.length) throw new FieldValidationError(problems);

    const known = officeIds.length ? await this.offices.countBy({ id: In(officeIds) }) : 0;
    if (known !== officeIds.length) throw new FieldValidationError([{ field: 'officeIds', messages: ['其中有不存在的办公室'] }]);

    const revokesTokens = (input.isActive === false && user.isActive) || input.password !== undefined;
    const passwordHash = input.password === undefined ? undefined : await this.hasher.hash(input.password);
    await this.users.manager.transaction(async (tx) => {
      await tx.update(User, { id }, {
        role,
        // A scope belongs to a recommender: another role has none (the table's check says so too).
        ...(role !== Role.Recommender ? { recommendsDivisionCode: null, recommendsAwardCodes: null } : {}),
        ...(role === Role.Recommender && input.recommendsDivisionCode !== undefined ? { recommendsDivisionCode: input.recommendsDivisionCode } : {}),
        ...(role === Role.Recommender && input.recommendsAwardCodes !== undefined ? { recommendsAwardCodes: input.recommendsAwardCodes } : {}),
        ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
        // Incremented in SQL, never written back from what was read: a concurrent revocation is never undone.
        ...(revokesTokens ? { tokenVersion: () => 'token_version + 1' } : {}),
      });
      if (input.officeIds !== undefined || role === Role.Applicant) {
        await sqlAffected(tx, `DELETE FROM user_offices WHERE user_id = $1 AND NOT (office_id = ANY($2::uuid[]))`, [id, officeIds]);
        await sqlAffected(tx, `INSERT INTO user_offices (user_id, office_id) SELECT $1::uuid, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, officeIds]);
      }
      await this.audit.record(userAudit(user, await tx.findOneOrFail(User, { where: { id }, relations: { offices: true } }), { loginReset: input.password !== undefined }), tx);
    });
    await this.callers.forgetEverywhere(id);
    return this.get(id);
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.offices', 'o')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { offices: true } });
  }

  /** Users of a role within any of the given offices (admins to notify, reviewers to assign). */
  async idsByRole(role: Role, officeIds?: string[]): Promise<string[]> {
    const qb = this.users.createQueryBuilder('u').select('DISTINCT u.id', 'id').where('u.role = :role AND u.is_active', { role });
    if (officeIds?.length) qb.innerJoin('u.offices', 'o', 'o.id IN (:...officeIds)', { officeIds });
    return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
  }

  /**
   * The recommenders of the office who may be told of an application of this award by an
   * organisation of this region: recommenderAdmits, as SQL over their scope.
   */
  async recommenderIdsFor(officeId: string, awardCode: string, regionCode: string | null): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      this.users.manager,
      `SELECT u.id FROM users u
        WHERE u.role = 'recommender' AND u.is_active
          AND EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = u.id AND uo.office_id = $1)
          AND ${recommenderAdmitsSql('u', '$2::text', 'coalesce($3::text, \'\')')}`,
      [officeId, awardCode, regionCode],
    );
    return rows.map((r) => r.id);
  }

  async idsOfOrganization(organizationId: string): Promise<string[]> {
    const rows = await this.users.find({ select: { id: true }, where: { organizationId, isActive: true } });
    return rows.map((r) => r.id);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOne({ where: { id }, relations: { offices: true } });
    if (!user) throw new NotFoundError('user', id);
    return toUserDto(user);
  }

  /**
   * The staff of the offices the admin manages (its own and those below), and the accounts outside
   * every office (enterprises): a district's admin does not see another district's people.
   */
  /** A page of the accounts the admin sees (its managed offices' staff, and those in no office). */
  async list(query: UserQuery, admin: AuthUser): Promise<Page<UserDto>> {
    const window = pageWindow(query);
    const params: unknown[] = [admin.officeIds];
    const where = [
      `(NOT EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = u.id)
        OR EXISTS (SELECT 1 FROM user_offices uo WHERE uo.user_id = u.id AND uo.office_id IN (SELECT id FROM managed)))`,
    ];
    if (query.role) where.push(`u.role = $${params.push(query.role)}`);
    if (query.search) where.push(`(u.username ILIKE $${params.push(`%${escapeLike(query.search)}%`)} OR u.display_name ILIKE $${params.length})`);
    const order = query.sort === 'username' ? 'u.username ASC' : query.sort === '-username' ? 'u.username DESC' : 'u.created_at ASC, u.id ASC';
    const rows = await sqlRows<{ id: string; total: string }>(
      this.users.manager,
      `WITH RECURSIVE ${MANAGED_OFFICES_CTE}
       SELECT u.id, count(*) OVER () AS total FROM users u
        WHERE ${where.join(' AND ')}
        ORDER BY ${order}
        LIMIT ${window.limit} OFFSET ${window.offset}`,
      params,
    );
    const total = rows.length ? Number(rows[0].total) : await this.countVisible(where, params);
    if (!rows.length) return pageOf([], total, window);
    const users = await this.users.find({ where: { id: In(rows.map((v) => v.id)) }, relations: { offices: true } });
    const byId = new Map(users.map((u) => [u.id, u]));
    return pageOf(rows.map((r) => toUserDto(byId.get(r.id)!)), total, window);
  }

  /** The total when the page asked for is past the end (the window function saw no row). */
  private async countVisible(where: string[], params: unknown[]): Promise<number> {
    const [row] = await sqlRows<{ n: string }>(this.users.manager, `WITH RECURSIVE ${MANAGED_OFFICES_CTE} SELECT count(*) AS n FROM users u WHERE ${where.join(' AND ')}`, params);
    return Number(row.n);
  }

  /** Sets a new password and revokes every token issued before it. */
  async setPassword(userId: string, password: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash: await this.hasher.hash(password), tokenVersion: () => 'token_version + 1' });
    await this.callers.forgetEverywhere(userId);
  }

  async markLoggedIn(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
  }

  /**
   * Ties an applicant to the organisation it registers, in the registration's transaction. False
   * when the user already has one: one organisation per applicant.
   */
  async attachOrganization(manager: EntityManager, userId: string, organizationId: string): Promise<boolean> {
    const affected = await sqlAffected(manager, `UPDATE users SET organization_id = $1, updated_at = now() WHERE id = $2 AND organization_id IS NULL`, [organizationId, userId]);
    afterCommit(manager, () => this.callers.forgetEverywhere(userId));
    return affected === 1;
  }

  async allOfficeIds(): Promise<string[]> {
    return (await this.offices.find({ select: { id: true } })).map((o) => o.id);
  }
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    officeIds: (user.offices ?? []).map((o) => o.id),
    recommendsDivisionCode: user.recommendsDivisionCode ?? null,
    recommendsAwardCodes: user.recommendsAwardCodes ?? null,
    isActive: user.isActive,
    createdAt: user.createdAt,
  };
}
