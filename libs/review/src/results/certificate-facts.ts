import { Injectable } from '@nestjs/common';
import { APPLICATION_SUMMARIES_RELATION, ApplicationsService, ORGANIZATION_PROFILES_RELATION, OrganizationsService } from '@awardflow/applications';
import { findAward, OutcomeWording, outcomeWording } from '@awardflow/awards';
import { CYCLE_EDITIONS_RELATION, Cycle, CyclesService, Quota } from '@awardflow/cycles';
import { officeProfiles } from '@awardflow/identity';
import { SqlRunner, sqlRows } from '@awardflow/platform';
import { INSTANCE_CONTEXTS_RELATION, INSTANCE_STATES_RELATION } from '@awardflow/workflow';
import { DataSource } from 'typeorm';
import { CertificateRow, CertificateTier } from '../certification/certificates.repository';
import { awardDecisionOf } from './award-decisions.repository';

/** What a certificate says, as printed on it and as the verification page shows it. */
export interface CertificateFacts {
  number: string;
  tier: CertificateTier;
  tierLabel: string;
  awardName: string;
  /** How the outcome is worded (推荐参评…, 被认定为…, 荣获…): see outcomeWording. */
  wording: OutcomeWording;
  year: number;
  officeName: string;
  organizationName: string;
  /** The project or product recognised, where the award is given to one (a 名牌产品 is recognised per product). */
  subjectName?: string;
  documentNumber?: string;
  decidedOn?: string;
  issuedAt: Date;
  revokedAt?: Date;
  /** A 名牌's validity (its batch's), YYYY-MM-DD. */
  validFrom?: string;
  validUntil?: string;
}

/**
 * 获奖 (认定 for a brand recognition, 入选推荐 where the award is conferred above the office: the
 * local selection is not the award), or the cycle's second tier's own name (提名奖).
 */
export function tierLabelOf(awardCode: string, quota: Quota | null | undefined, tier: CertificateTier): string {
  const award = findAward(awardCode);
  if (tier === 'second') return quota?.secondTier?.label ?? award?.secondTierLabel ?? '第二档';
  if (award?.outsideChain) return '入选推荐';
  return award?.family === 'brand' ? '认定' : '获奖';
}

/** Reads the facts of certificates from the contexts that hold them (the cycle, its office, the organisation, the 表彰决定). */
@Injectable()
export class CertificateFactsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly organizations: OrganizationsService,
    private readonly cycles: CyclesService,
  ) {}

  async of(certificate: CertificateRow): Promise<{ facts: CertificateFacts; cycle: Cycle }> {
    const cycle = await this.cycles.get(certificate.cycleId);
    const application = await this.applications.get(certificate.applicationId);
    const organization = await this.organizations.get(application.organizationId);
    const [office] = await officeProfiles(this.dataSource, [cycle.officeId]);
    const decision = await awardDecisionOf(this.dataSource, cycle.id);
    const validity = (await recognitionValidityOf(this.dataSource, [application.id])).get(application.id);
    const facts: CertificateFacts = {
      number: certificate.number,
      tier: certificate.tier,
      tierLabel: tierLabelOf(cycle.awardCode, cycle.quota, certificate.tier),
      awardName: findAward(cycle.awardCode)?.name ?? cycle.awardCode,
      wording: outcomeWording(findAward(cycle.awardCode) ?? { name: cycle.awardCode, family: 'quality' }, cycle.year),
      year: cycle.year,
      officeName: office?.name ?? '',
      organizationName: organization.name,
      ...(application.subjectName ? { subjectName: application.subjectName } : {}),
      ...(decision ? { documentNumber: decision.documentNumber, decidedOn: decision.decidedOn } : {}),
      issuedAt: certificate.issuedAt,
      ...(certificate.revokedAt ? { revokedAt: certificate.revokedAt } : {}),
      ...(validity ?? {}),
    };
    return { facts, cycle };
  }
}

/** An office's published results: each cycle with a recorded 表彰决定, and its certificates' holders. */
export interface PublishedResultRow {
  cycleId: string;
  awardCode: string;
  year: number;
  title: string;
  documentNumber: string;
  decidedOn: string;
}

export async function publishedResultsOf(runner: SqlRunner, officeId: string): Promise<PublishedResultRow[]> {
  return sqlRows<PublishedResultRow>(
    runner,
    `SELECT d.cycle_id AS "cycleId", c.award_code AS "awardCode", c.year, d.title, d.document_number AS "documentNumber", to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn"
       FROM award_decisions d JOIN ${CYCLE_EDITIONS_RELATION} c ON c.id = d.cycle_id
      WHERE c.office_id = $1
      ORDER BY c.year DESC, d.decided_on DESC, c.award_code`,
    [officeId],
  );
}

/** The validity each 名牌 recognition was given at 审定 (none for awards and 老字号). */
export async function recognitionValidityOf(runner: SqlRunner, applicationIds: readonly string[]): Promise<Map<string, { validFrom: string; validUntil: string }>> {
  if (!applicationIds.length) return new Map();
  const rows = await sqlRows<{ id: string; validFrom: string; validUntil: string }>(
    runner,
    `SELECT a.id, i.context->>'recognitionValidFrom' AS "validFrom", i.context->>'recognitionValidUntil' AS "validUntil"
       FROM ${APPLICATION_SUMMARIES_RELATION} a JOIN ${INSTANCE_CONTEXTS_RELATION} i ON i.id = a.instance_id
      WHERE a.id = ANY($1::uuid[]) AND i.context ? 'recognitionValidUntil'`,
    [[...applicationIds]],
  );
  return new Map(rows.map((r) => [r.id, { validFrom: r.validFrom, validUntil: r.validUntil }]));
}

export interface PublishedWinnerRow {
  applicationId: string;
  /** The application's state now: a brand recognition revoked or expired leaves the current list. */
  state: string;
  cycleId: string;
  organizationName: string;
  /** The project or product, where the award is given to one. */
  subjectName: string | null;
  tier: CertificateTier;
  number: string;
  revoked: boolean;
}

export async function publishedWinnersOf(runner: SqlRunner, cycleIds: string[]): Promise<PublishedWinnerRow[]> {
  if (!cycleIds.length) return [];
  return sqlRows<PublishedWinnerRow>(
    runner,
    `SELECT c.application_id AS "applicationId", i.state, c.cycle_id AS "cycleId", o.name AS "organizationName", a.subject_name AS "subjectName", c.tier, c.number, c.revoked_at IS NOT NULL AS revoked
       FROM certificates c
       JOIN ${APPLICATION_SUMMARIES_RELATION} a ON a.id = c.application_id
       JOIN ${ORGANIZATION_PROFILES_RELATION} o ON o.id = a.organization_id
       JOIN ${INSTANCE_STATES_RELATION} i ON i.id = a.instance_id
      WHERE c.cycle_id = ANY($1::uuid[])
      ORDER BY c.cycle_id, c.tier, c.issued_at, c.number`,
    [cycleIds],
  );
}
