import { Injectable, OnModuleInit } from '@nestjs/common';
import { MaterialStorage } from '@awardflow/applications';
import { AppConfigService } from '@awardflow/platform';
import { OutboxEventRouter } from '@awardflow/workflow';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { certificateOf, certificatesOfCycles, recordCertificatePdf } from '../certification/certificates.repository';
import { CertificateFactsReader } from './certificate-facts';
import { CERTIFICATE_LAYOUT_VERSION, renderCertificatePdf } from './certificate-pdf';

/** Where a certificate is verified: the console's public page, linked from the QR code. */
export function verificationUrl(publicBaseUrl: string, number: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/public/certificates/${encodeURIComponent(number)}`;
}

/**
 * The worker prints certificates: when one is issued at 审定, and again for the whole cycle when
 * its 表彰决定 is recorded (the 文号 and date go on them). Idempotent: a certificate whose stored
 * PDF was made from the same facts is left as it is, and the same facts make the same bytes.
 */
@Injectable()
export class CertificatePrinter implements OnModuleInit {
  constructor(
    private readonly router: OutboxEventRouter,
    private readonly dataSource: DataSource,
    private readonly facts: CertificateFactsReader,
    private readonly storage: MaterialStorage,
    private readonly config: AppConfigService,
  ) {}

  onModuleInit(): void {
    this.router.on('certificate_issued', (e) => this.print(e.payload.applicationId));
    this.router.on('award_decision_recorded', (e) => this.printCycle(e.payload.cycleId));
  }

  async printCycle(cycleId: string): Promise<void> {
    for (const certificate of await certificatesOfCycles(this.dataSource, [cycleId])) await this.print(certificate.applicationId);
  }

  async print(applicationId: string): Promise<void> {
    const certificate = await certificateOf(this.dataSource, applicationId);
    if (!certificate) return;
    const { facts } = await this.facts.of(certificate);
    // What is printed does not change with a revocation: the verification page says it is revoked.
    const printed = { ...facts, revokedAt: undefined };
    const url = verificationUrl(this.config.get('PUBLIC_BASE_URL'), certificate.number);
    const font = { path: this.config.get('CERTIFICATE_FONT'), face: this.config.get('CERTIFICATE_FONT_FACE') };
    const source = createHash('sha256')
      .update(JSON.stringify({ layout: CERTIFICATE_LAYOUT_VERSION, facts: printed, url, font }))
      .digest('hex');
    if (certificate.pdfSha256 && certificate.pdfSource === source) return;
    const pdf = await renderCertificatePdf(printed, url, font);
    const sha256 = await this.storage.put(pdf);
    await recordCertificatePdf(this.dataSource, applicationId, sha256, source);
  }
}
