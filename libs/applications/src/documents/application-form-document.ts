import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getAward } from '@awardflow/awards';
import { AuthUser, officeProfiles, Role } from '@awardflow/identity';
import { AppConfigService, ForbiddenError } from '@awardflow/platform';
import { FAMILY_FORMS } from '@awardflow/rules';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { Audience, audienceOf, sees } from '../redaction/audience';
import { identityMask, maskDeep, redactApplication } from '../redaction/redaction';
import { ApplicationFormFacts, renderApplicationFormPdf } from './application-form-pdf';

type Loaded = Awaited<ReturnType<ApplicationsService['loadVisible']>>;

/** Beijing calendar day of an instant. */
function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The 申报书 printed from the application as its reader sees it: the enterprise and the office
 * (and a non-blind reader who may see the application) get the whole of it; an expert of a blind
 * cycle is refused, since a document made to be sealed by the applicant names it on every page.
 */
@Injectable()
export class ApplicationFormDocument {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly attachments: AttachmentsService,
    private readonly config: AppConfigService,
  ) {}

  async pdf(id: string, user: AuthUser): Promise<{ pdf: Buffer; fileName: string }> {
    const loaded = await this.applications.loadVisible(id, user);
    const { application, cycle } = loaded;
    const audience = audienceOf(user, { application, cycle });
    if (audience.kind === 'blind-reviewer') throw new ForbiddenError([Role.Applicant, Role.Admin], '打印申报书');
    const facts = await this.factsFor(loaded, audience);
    const font = { path: this.config.get('CERTIFICATE_FONT'), face: this.config.get('CERTIFICATE_FONT_FACE') };
    const pdf = await renderApplicationFormPdf(facts, font);
    const fileName = `${facts.awardName}申报书${application.receiptNumber ? `-${application.receiptNumber}` : ''}.pdf`;
    return { pdf, fileName };
  }

  /** What the PDF shows, already redacted for the audience (blind: no applicant, masked text, neutral file names). */
  private async factsFor({ application, cycle, instance, identity }: Loaded, audience: Audience): Promise<ApplicationFormFacts> {
    const award = getAward(cycle.awardCode);
    const { form } = redactApplication(audience, identity, application.form);
    const [office] = await officeProfiles(this.dataSource, [cycle.officeId]);
    const stored = await this.attachments.listRaw(application.id);
    const views = stored.map((m) => this.attachments.toView(audience, stored, m, award.requiredDocuments));
    const mask = sees(audience).applicant ? (t: string) => t : identityMask(identity);
    const known = new Set(award.requiredDocuments.map((d) => d.type));
    const materials = [
      ...award.requiredDocuments.map((d) => ({ type: d.type, label: d.label, optional: !!d.optional })),
      // Materials of a type the award no longer lists (an older catalog) are still listed.
      ...[...new Set(views.filter((v) => !known.has(v.documentType)).map((v) => v.documentType))].map((type) => ({ type, label: type, optional: true })),
    ].map((d) => ({
      label: d.label,
      optional: d.optional,
      files: views.filter((v) => v.documentType === d.type).map((v) => ({ n: v.n, name: mask(v.name), size: v.size })),
    }));
    return {
      awardName: award.name,
      year: cycle.year,
      cycleTitle: maskDeep(cycle.title, mask),
      officeName: office?.name ?? '',
      receiptNumber: application.receiptNumber,
      stateLabel: instance.stateLabel,
      submittedOn: application.submittedAt ? beijingDay(new Date(application.submittedAt)) : null,
      applicant: sees(audience).applicant
        ? { name: identity.name, uscc: identity.uscc, address: identity.address, legalRepresentative: identity.legalRepresentative, contact: identity.contact }
        : undefined,
      spec: FAMILY_FORMS[award.family],
      form,
      materials,
    };
  }
}
