import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { afterCommit, FieldError, FieldValidationError, ForbiddenError, NotFoundError, pageWindow, sqlRows, SqlRunner } from '@awardflow/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { AuthUserLoader } from '../auth/auth-user-loader';
import { Role } from '../roles/role';
import { User } from '../users/user.entity';
import { userAudit } from '../users/user-audit';
import { isInsideDivision } from './division-code';
import { addOfficeMember, removeOfficeMember } from './office-memberships';
import { CreateOfficeDto, OfficeContactDto, OfficeContactInputDto, OfficeDto, OfficeMemberDto, OfficePageDto, OfficeQuery } from './office.dto';
import { includesTopOffice, MANAGED_OFFICES_CTE, managesOffice } from './office-tree';

const OFFICE_COLUMNS = `id, code, name, region_code AS "divisionCode", parent_id AS "parentId", created_at AS "createdAt"`;

/**
 * The office tree and who belongs to each office. An admin manages its offices and every office
 * below them: the city's admin creates the 区县 offices and staffs them, a district's admin staffs
 * its own district. There is no platform-wide admin above the tree: a top office is created by an
 * admin of a top office, who becomes its first member.
 */
@Injectable()
export class OfficesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly callers: AuthUserLoader,
  ) {}

  async create(input: CreateOfficeDto, admin: AuthUser): Promise<OfficeDto> {
    if (input.parentId) {
      const parent = await this.office(this.db, input.parentId);
      if (!parent) throw new FieldValidationError([{ field: 'parentId', messages: ['所选上级办公室不存在'] }]);
      if (!(await managesOffice(this.db, admin.officeIds, parent.id))) throw new ForbiddenError('只能在您所属的办公室或其下级办公室之下新建办公室');
      if (!isInsideDivision(input.divisionCode, parent.divisionCode)) {
        throw new FieldValidationError([{ field: 'divisionCode', messages: [`须在上级办公室的行政区划（${parent.divisionCode}）之内`] }]);
      }
    } else if (!(await includesTopOffice(this.db, admin.officeIds))) {
      throw new ForbiddenError('只有顶级办公室的管理员可以新建顶级办公室，请选择上级办公室');
    }
    await this.refuseTaken(input);

    try {
      return await this.db.transaction(async (m) => {
        const [office] = await sqlRows<OfficeDto>(
          m,
          `INSERT INTO offices (code, name, region_code, parent_id) VALUES ($1, $2, $3, $4) RETURNING ${OFFICE_COLUMNS}`,
          [input.code, input.name, input.divisionCode, input.parentId ?? null],
        );
        // Nobody manages a new top office through the tree: its creator becomes its first admin.
        const creatorJoined = !office.parentId && (await addOfficeMember(m, office.id, admin.id));
        if (creatorJoined) afterCommit(m, () => this.callers.forgetEverywhere(admin.id));
        await this.audit.record(
          {
            action: AuditAction.OfficeCreated,
            entityType: AuditEntityType.Office,
            entityId: office.id,
            officeIds: [office.id, ...(office.parentId ? [office.parentId] : []), ...admin.officeIds],
            after: office,
            ...(creatorJoined ? { details: { membersAdded: [admin.id] } } : {}),
          },
          m,
        );
        return office;
      });
    } catch (error) {
      // Another admin took the code or the division between the check and the insert.
      if ((error as { code?: string }).code === '23505') await this.refuseTaken(input);
      throw error;
    }
  }

  async list(query: OfficeQuery, admin: AuthUser): Promise<OfficePageDto> {
    const { page, pageSize } = pageWindow(query, 50);
    const params: unknown[] = [admin.officeIds];
    let where = 'id IN (SELECT id FROM managed)';
    if (query.parentId) {
      params.push(query.parentId);
      where += ` AND parent_id = $${params.length}`;
    }
    const [{ total }] = await sqlRows<{ total: number }>(this.db, `WITH RECURSIVE ${MANAGED_OFFICES_CTE} SELECT count(*)::int AS total FROM offices WHERE ${where}`, params);
    const items = await sqlRows<OfficeDto>(
      this.db,
      `WITH RECURSIVE ${MANAGED_OFFICES_CTE}
       SELECT ${OFFICE_COLUMNS} FROM offices WHERE ${where}
        ORDER BY region_code, code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items, total, page, pageSize };
  }

  async get(id: string, admin: AuthUser): Promise<OfficeDto> {
    return this.managedOffice(id, admin);
  }

  /** Who an enterprise calls at the office: anyone signed in may read it (it is on every 申报通知). */
  async contact(id: string): Promise<OfficeContactDto> {
    const [row] = await sqlRows<OfficeContactDto>(
      this.db,
      `SELECT id AS "officeId", name AS "officeName", contact_unit AS unit, contact_phone AS phone, contact_address AS address, contact_email AS email FROM offices WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('office', id);
    return row;
  }

  /** Sets who an enterprise calls (an admin of the office or of one above it). */
  async setContact(id: string, input: OfficeContactInputDto, admin: AuthUser): Promise<OfficeContactDto> {
    await this.managedOffice(id, admin);
    await this.db.query(`UPDATE offices SET contact_unit = $2, contact_phone = $3, contact_address = $4, contact_email = $5 WHERE id = $1`, [
      id,
      input.contactUnit.trim(),
      input.contactPhone.trim(),
      input.contactAddress?.trim() || null,
      input.contactEmail?.trim() || null,
    ]);
    return this.contact(id);
  }

  /** Makes an admin, reviewer or recommender account a member of the office; a member already is left as it is. */
  async addMember(officeId: string, userId: string, admin: AuthUser): Promise<OfficeMemberDto> {
    await this.managedOffice(officeId, admin);
    const member = await this.member(userId);
    if (member.role === Role.Applicant) throw new FieldValidationError([{ field: 'userId', messages: ['申报单位账号代表单位，不属于办公室'] }]);
    await this.db.transaction(async (m) => {
      const before = await this.userWithOffices(m, userId);
      if (await addOfficeMember(m, officeId, userId)) await this.recordMembership(m, before, officeId, 'added', admin);
    });
    await this.callers.forgetEverywhere(userId);
    return { officeId, ...member };
  }

  /** Takes the account out of the office; applies to its next request. Removing a non-member changes nothing. */
  async removeMember(officeId: string, userId: string, admin: AuthUser): Promise<void> {
    await this.managedOffice(officeId, admin);
    await this.member(userId);
    await this.db.transaction(async (m) => {
      const before = await this.userWithOffices(m, userId);
      if (await removeOfficeMember(m, officeId, userId)) await this.recordMembership(m, before, officeId, 'removed', admin);
    });
    await this.callers.forgetEverywhere(userId);
  }

  private async managedOffice(id: string, admin: AuthUser): Promise<OfficeDto> {
    const office = await this.office(this.db, id);
    // Another branch's office is as unknown to this admin as a missing one.
    if (!office || !(await managesOffice(this.db, admin.officeIds, id))) throw new NotFoundError('office', id);
    return office;
  }

  private async office(runner: SqlRunner, id: string): Promise<OfficeDto | undefined> {
    const [office] = await sqlRows<OfficeDto>(runner, `SELECT ${OFFICE_COLUMNS} FROM offices WHERE id = $1`, [id]);
    return office;
  }

  private async member(userId: string): Promise<Omit<OfficeMemberDto, 'officeId'>> {
    const [user] = await sqlRows<Omit<OfficeMemberDto, 'officeId'>>(
      this.db,
      `SELECT id AS "userId", username, display_name AS "displayName", role, is_active AS "isActive" FROM users WHERE id = $1`,
      [userId],
    );
    if (!user) throw new NotFoundError('user', userId);
    return user;
  }

  private async refuseTaken(input: CreateOfficeDto): Promise<void> {
    const taken = await sqlRows<{ code: string; regionCode: string; name: string }>(
      this.db,
      `SELECT code, region_code AS "regionCode", name FROM offices WHERE code = $1 OR region_code = $2`,
      [input.code, input.divisionCode],
    );
    const problems: FieldError[] = [];
    const byCode = taken.find((o) => o.code === input.code);
    const byDivision = taken.find((o) => o.regionCode === input.divisionCode);
    if (byCode) problems.push({ field: 'code', messages: [`已被「${byCode.name}」使用`] });
    if (byDivision) problems.push({ field: 'divisionCode', messages: [`该行政区划已有办公室「${byDivision.name}」`] });
    if (problems.length) throw new FieldValidationError(problems);
  }

  private userWithOffices(m: EntityManager, userId: string): Promise<User> {
    return m.findOneOrFail(User, { where: { id: userId }, relations: { offices: true } });
  }

  /** The user's change, as PATCH /users records it, also readable by the acting admin's offices (the city staffing a district). */
  private async recordMembership(m: EntityManager, before: User, officeId: string, change: 'added' | 'removed', admin: AuthUser): Promise<void> {
    const entry = userAudit(before, await this.userWithOffices(m, before.id));
    await this.audit.record({ ...entry, officeIds: [...(entry.officeIds ?? []), officeId, ...admin.officeIds], details: { officeId, membership: change } }, m);
  }
}
