import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '../organizations/organizations.service';
import { Audience, sees } from './audience';
import { identityMask } from './redaction';

/** The applicant-identity mask for free text an audience reads (a no-op where it may see the applicant). */
@Injectable()
export class ApplicantMask {
  constructor(private readonly organizations: OrganizationsService) {}

  async for(audience: Audience, organizationId: string): Promise<(text: string) => string> {
    if (sees(audience).applicant) return (text) => text;
    return identityMask(await this.organizations.get(organizationId));
  }
}
