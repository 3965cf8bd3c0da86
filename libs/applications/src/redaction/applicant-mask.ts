import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '../organizations/organizations.service';
import { Audience, sees } from './audience';
import { applicantTerms, termsMask } from './redaction';

/** Who objected to an application (names, numbers, contacts), from the context that keeps objections. */
export type ObjectorTermsSource = (applicationId: string) => Promise<Array<string | null>>;

/**
 * The mask for free text an audience reads about an application (history comments, the 原因 a
 * notice quotes): the applicant's identity where the audience may not see it (blind review), and
 * the objectors' wherever it is not the office — an office may well write an objector's name into
 * its resolution.
 */
@Injectable()
export class ApplicantMask {
  private objectors: ObjectorTermsSource = async () => [];

  constructor(private readonly organizations: OrganizationsService) {}

  /** The review context registers where objectors are kept (applications cannot import it). */
  useObjectorTerms(source: ObjectorTermsSource): void {
    this.objectors = source;
  }

  async for(audience: Audience, organizationId: string): Promise<(text: string) => string> {
    if (sees(audience).applicant) return (text) => text;
    return termsMask(applicantTerms(await this.organizations.get(organizationId)));
  }

  async forApplication(audience: Audience, application: { id: string; organizationId: string }): Promise<(text: string) => string> {
    const visibility = sees(audience);
    const terms = [
      ...(visibility.applicant ? [] : applicantTerms(await this.organizations.get(application.organizationId))),
      ...(visibility.objectors ? [] : await this.objectors(application.id)),
    ];
    return termsMask(terms);
  }
}
