import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, AuditLog } from '@awardflow/audit';
import { EligibilityFacts } from '@awardflow/awards';
import { AuthService, AuthUser, Role, UsersService } from '@awardflow/identity';
import { DomainError, ErrorCode, escapeLike, FieldValidationError, ForbiddenError, NotFoundError, Page, pageOf, pageWindow, parseSort, sqlRows } from '@awardflow/platform';
import { DataSource, EntityManager, FindOptionsOrder, ILike } from 'typeorm';
import { CreateOrganizationDto, CreateRecordDto, ORGANIZATION_SORT_COLUMNS, OrganizationDto, RecordDto, RegisteredOrganizationDto, SearchOrganizationsQuery } from './organization.dto';
import { Organization, OrganizationRecord } from './organization.entity';
import { checkUscc } from './uscc';

const FACTS_SQL = `
  SELECT o.id, o.name, o.uscc, o.region_code AS "regionCode", o.industry, to_char(o.founded_at, 'YYYY-MM-DD') AS "foundedAt",
         o.credit_grade AS "creditGrade",
         COALESCE((SELECT json_agg(json_build_object('kind', r.kind, 'reason', r.reason, 'occurredAt', r.occurred_at, 'from', r.from_date,
                                                     'until', r.until_date, 'awardCode', r.award_code))
                     FROM organization_records r WHERE r.organization_id = o.id), '[]'::json) AS records
    FROM organizations o
   WHERE o.id = $1`;

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
  ) {}

  /** An applicant registers its own organisation (and is tied to it); an admin registers any. */
  async register(input: CreateOrganizationDto, user: AuthUser): Promise<RegisteredOrganizationDto> {
    if (user.role !== Role.Admin && user.role !== Role.Applicant) throw new ForbiddenError([Role.Applicant, Role.Admin]);
    if (user.role === Role.Applicant && user.organizationId) throw new DomainError(ErrorCode.AlreadyHasOrganization);
    if (input.usccOverrideReason && user.role !== Role.Admin) {
      throw new FieldValidationError([{ field: 'usccOverrideReason', messages: ['代码校验例外只能由评奖办公室登记'] }]);
    }
    // The body passed CreateOrganizationDto: the code is well-formed, or only its check character
    // is wrong and an override reason is given.
    const check = checkUscc(input.uscc);

    const saved = await this.dataSource.transaction(async (manager) => {
      if (await manager.exists(Organization, { where: { uscc: input.uscc } })) throw new DomainError(ErrorCode.UsccTaken, { uscc: input.uscc });
      const organization = manager.create(Organization, {
        name: input.name,
        uscc: input.uscc,
        usccOverrideReason: check.valid ? null : input.usccOverrideReason!,
        regionCode: input.regionCode,
        address: input.address,
        legalRepresentative: input.legalRepresentative,
        contact: { ...input.contact },
        foundedAt: input.foundedAt,
        industry: input.industry,
        creditGrade: null,
        createdBy: user.id,
      });
      try {
        await manager.save(organization);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new DomainError(ErrorCode.UsccTaken, { uscc: input.uscc });
        throw error;
      }
      if (!check.valid) {
        await this.audit.record(
          {
            action: AuditAction.UsccCheckOverridden,
            entityType: AuditEntityType.Organization,
            entityId: organization.id,
            details: { uscc: input.uscc, failedCheck: check.reason, reason: input.usccOverrideReason },
          },
          manager,
        );
      }
      if (user.role === Role.Applicant) {
        if (!(await this.users.attachOrganization(manager, user.id, organization.id))) throw new DomainError(ErrorCode.AlreadyHasOrganization);
      }
      return organization;
    });
    const dto: RegisteredOrganizationDto = toOrganizationDto(saved);
    if (user.role === Role.Applicant) dto.accessToken = (await this.auth.reissue(user.id)).accessToken;
    return dto;
  }

  async getForUser(id: string, user: AuthUser): Promise<OrganizationDto> {
    if (user.role === Role.Applicant && user.organizationId !== id) throw new NotFoundError('organization', id);
    if (user.role !== Role.Applicant && user.role !== Role.Admin) throw new NotFoundError('organization', id);
    return toOrganizationDto(await this.get(id));
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organization> {
    const organization = await manager.findOneBy(Organization, { id });
    if (!organization) throw new NotFoundError('organization', id);
    return organization;
  }

  async search(query: SearchOrganizationsQuery): Promise<Page<OrganizationDto>> {
    const window = pageWindow(query);
    const term = query.search ? `%${escapeLike(query.search)}%` : undefined;
    const where = term ? [{ name: ILike(term) }, { uscc: ILike(term) }] : {};
    // The sorted column, then id: equal names or registration times keep one order across pages.
    const sorted = parseSort(query.sort, ORGANIZATION_SORT_COLUMNS);
    const order = sorted ? { [sorted.column]: sorted.descending ? 'DESC' : 'ASC', id: 'ASC' } : { name: 'ASC', id: 'ASC' };
    const [rows, total] = await this.dataSource.manager.findAndCount(Organization, { where, order: order as FindOptionsOrder<Organization>, take: window.limit, skip: window.offset });
    return pageOf(rows.map(toOrganizationDto), total, window);
  }

  async addRecord(organizationId: string, input: CreateRecordDto, admin: AuthUser, manager?: EntityManager): Promise<RecordDto> {
    const run = async (m: EntityManager) => {
      await this.get(organizationId, m);
      if (input.from && input.until && input.from > input.until) throw new FieldValidationError([{ field: 'until', messages: ['不能早于起始日期'] }]);
      const record = m.create(OrganizationRecord, {
        organizationId,
        kind: input.kind,
        reason: input.reason,
        occurredAt: input.occurredAt ?? null,
        fromDate: input.from ?? null,
        untilDate: input.until ?? null,
        awardCode: input.awardCode ?? null,
        createdBy: admin.id,
      });
      await m.save(record);
      await this.audit.record({ action: AuditAction.ComplianceRecordAdded, entityType: AuditEntityType.Organization, entityId: organizationId, after: toRecordDto(record), details: { recordId: record.id } }, m);
      return toRecordDto(record);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async removeRecord(recordId: string, admin: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const record = await m.findOneBy(OrganizationRecord, { id: recordId });
      if (!record) throw new NotFoundError('record', recordId);
      await m.delete(OrganizationRecord, { id: recordId });
      await this.audit.record({ action: AuditAction.ComplianceRecordRemoved, entityType: AuditEntityType.Organization, entityId: record.organizationId, before: toRecordDto(record), details: { recordId } }, m);
    });
  }

  async records(organizationId: string): Promise<RecordDto[]> {
    await this.get(organizationId);
    const rows = await this.dataSource.manager.find(OrganizationRecord, { where: { organizationId }, order: { createdAt: 'ASC' } });
    return rows.map(toRecordDto);
  }

  /** Active blacklist entries across organisations (质量信用黑名单). */
  /** A page of the active 黑名单 entries, newest first. */
  async blacklist(query: { page?: number; pageSize?: number } = {}): Promise<Page<RecordDto & { organizationName: string; uscc: string }>> {
    const window = pageWindow(query);
    const rows = await sqlRows<RecordDto & { organizationName: string; uscc: string; totalCount?: string }>(
      this.dataSource,
      // Dates as the calendar days they are ('YYYY-MM-DD', as the DTO and the entity give them): pg's
      // default parser makes a date a Date at the server's midnight, which shifts a day with its zone.
      `SELECT r.id, r.organization_id AS "organizationId", o.name AS "organizationName", o.uscc, r.kind, r.reason,
              to_char(r.occurred_at, 'YYYY-MM-DD') AS "occurredAt", to_char(r.from_date, 'YYYY-MM-DD') AS "from",
              to_char(r.until_date, 'YYYY-MM-DD') AS "until", r.award_code AS "awardCode", r.created_at AS "createdAt",
              count(*) OVER () AS "totalCount"
         FROM organization_records r JOIN organizations o ON o.id = r.organization_id
        WHERE r.kind = 'blacklist' AND (r.until_date IS NULL OR r.until_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
        ORDER BY r.created_at DESC, r.id
        LIMIT $1 OFFSET $2`,
      [window.limit, window.offset],
    );
    const total = rows.length
      ? Number(rows[0].totalCount)
      : Number(
          (
            await sqlRows<{ n: string }>(
              this.dataSource,
              `SELECT count(*) AS n FROM organization_records r WHERE r.kind = 'blacklist' AND (r.until_date IS NULL OR r.until_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
            )
          )[0].n,
        );
    return pageOf(rows.map(({ totalCount: _, ...row }) => row), total, window);
  }

  async setCreditGrade(organizationId: string, grade: 'A' | 'B' | 'C' | 'D', reason: string, admin: AuthUser): Promise<OrganizationDto> {
    return this.dataSource.transaction(async (m) => {
      const organization = await this.get(organizationId, m);
      const previous = organization.creditGrade;
      organization.creditGrade = grade;
      organization.creditGradeUpdatedAt = new Date();
      await m.save(organization);
      await this.audit.record({ action: AuditAction.CreditGradeSet, entityType: AuditEntityType.Organization, entityId: organizationId, before: { creditGrade: previous }, after: { creditGrade: grade }, details: { reason: reason.trim() } }, m);
      return toOrganizationDto(organization);
    });
  }

  /** The organisation's part of the eligibility facts. */
  /**
   * The organisation's part of the eligibility facts, in one statement (every submission reads it).
   * Dates as TypeORM gave them: 'YYYY-MM-DD' strings.
   */
  async factsFor(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<Pick<EligibilityFacts, 'organization' | 'records'>> {
    const [row] = await sqlRows<EligibilityFacts['organization'] & { records: EligibilityFacts['records'] }>(manager, FACTS_SQL, [organizationId]);
    if (!row) throw new NotFoundError('organization', organizationId);
    const { records, ...organization } = row;
    return { organization, records };
  }
}

export function toOrganizationDto(o: Organization): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    uscc: o.uscc,
    regionCode: o.regionCode,
    address: o.address,
    legalRepresentative: o.legalRepresentative,
    contact: o.contact,
    foundedAt: o.foundedAt,
    industry: o.industry,
    creditGrade: o.creditGrade,
    usccOverridden: o.usccOverrideReason !== null,
    createdAt: o.createdAt,
  };
}

function toRecordDto(r: OrganizationRecord): RecordDto {
  return { id: r.id, organizationId: r.organizationId, kind: r.kind, reason: r.reason, occurredAt: r.occurredAt, from: r.fromDate, until: r.untilDate, awardCode: r.awardCode, createdAt: r.createdAt };
}
