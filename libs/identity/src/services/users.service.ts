import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditLog } from '@awardflow/audit';
import { DomainError, ErrorCode, FieldValidationError, NotFoundError } from '@awardflow/platform';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../auth-user';
import { CreateUserDto, UserDto } from '../dto/create-user.dto';
import { Office } from '../entities/office.entity';
import { User } from '../entities/user.entity';
import { Role } from '../role';
import { PasswordHasher } from './password-hasher';
import { userAudit } from './user-audit';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Office) private readonly offices: Repository<Office>,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async create(input: CreateUserDto, createdBy?: AuthUser): Promise<UserDto> {
    const problems = [];
    if (input.organizationId && input.role !== Role.Applicant) {
      problems.push({ field: 'organizationId', messages: ['只有申报单位的账号可以关联申报单位'] });
    }
    if (input.officeIds?.length && input.role === Role.Applicant) {
      problems.push({ field: 'officeIds', messages: ['申报单位的账号不属于办公室'] });
    }
    if (createdBy && input.officeIds?.some((id) => !createdBy.officeIds.includes(id))) {
      problems.push({ field: 'officeIds', messages: ['只能授予您所属的办公室'] });
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

  async idsOfOrganization(organizationId: string): Promise<string[]> {
    const rows = await this.users.find({ select: { id: true }, where: { organizationId, isActive: true } });
    return rows.map((r) => r.id);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOne({ where: { id }, relations: { offices: true } });
    if (!user) throw new NotFoundError('user', id);
    return toUserDto(user);
  }

  async list(): Promise<UserDto[]> {
    const users = await this.users.find({ relations: { offices: true }, order: { createdAt: 'ASC' } });
    return users.map(toUserDto);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash: await this.hasher.hash(password) });
  }

  async markLoggedIn(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
  }

  /** Ties an applicant user to the organisation it registered (issue: one organisation per applicant). */
  async attachOrganization(userId: string, organizationId: string): Promise<void> {
    await this.users.update({ id: userId, role: Role.Applicant }, { organizationId });
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
    isActive: user.isActive,
    createdAt: user.createdAt,
  };
}
