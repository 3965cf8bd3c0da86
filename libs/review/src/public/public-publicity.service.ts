import { Injectable } from '@nestjs/common';
import { applicationSummaries } from '@awardflow/applications';
import { getAward } from '@awardflow/awards';
import { cycleIdsOfOffice, cycleSummaries } from '@awardflow/cycles';
import { officeOfDivision, officeProfiles } from '@awardflow/identity';
import { NotFoundError } from '@awardflow/platform';
import { DataSource } from 'typeorm';
import { batchById, batchesOfCycles, cyclesWithBatches, entriesOf, PublicityBatchRow, publicityOpensAt } from '../publicity/publicity-batches.repository';
import { publicityDurationLabel } from '../publicity/publicity-period';
import { PublicBatchDto, PublicOfficeDto, PublicOfficePublicityDto } from './public-publicity.dto';

/**
 * What the law has offices publish about a 公示, and nothing else: the award, the organisations
 * named, the dates and how to object. Entries are named by their public id, never by anything
 * that reaches an application.
 */
@Injectable()
export class PublicPublicityService {
  constructor(private readonly dataSource: DataSource) {}

  async offices(): Promise<PublicOfficeDto[]> {
    const cycles = await cycleSummaries(this.dataSource, await cyclesWithBatches(this.dataSource));
    const offices = await officeProfiles(this.dataSource, cycles.map((c) => c.officeId));
    return offices.sort((a, b) => a.divisionCode.localeCompare(b.divisionCode)).map((o) => ({ code: o.divisionCode, name: o.name }));
  }

  async ofOffice(code: string): Promise<PublicOfficePublicityDto> {
    const office = /^\d{6}$/.test(code) ? await officeOfDivision(this.dataSource, code) : undefined;
    if (!office) throw new NotFoundError('office', code);
    const batches = await this.views(await batchesOfCycles(this.dataSource, await cycleIdsOfOffice(this.dataSource, office.id)));
    const now = Date.now();
    return {
      office: { code: office.divisionCode, name: office.name },
      current: batches.filter((b) => new Date(b.endsAt).getTime() > now),
      past: batches.filter((b) => new Date(b.endsAt).getTime() <= now),
    };
  }

  async batch(id: string): Promise<PublicBatchDto> {
    const batch = await batchById(this.dataSource, id);
    if (!batch) throw new NotFoundError('publicity', id);
    const [view] = await this.views([batch]);
    return view;
  }

  private async views(batches: PublicityBatchRow[]): Promise<PublicBatchDto[]> {
    const entries = await entriesOf(this.dataSource, batches.map((b) => b.id));
    const [summaries, cycles] = await Promise.all([
      applicationSummaries(this.dataSource, entries.map((e) => e.applicationId)),
      cycleSummaries(this.dataSource, batches.map((b) => b.cycleId)),
    ]);
    const offices = new Map((await officeProfiles(this.dataSource, cycles.map((c) => c.officeId))).map((o) => [o.id, o]));
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const now = Date.now();
    return batches.map((b) => {
      const cycle = cycles.find((c) => c.id === b.cycleId)!;
      return {
        id: b.id,
        title: b.title,
        awardName: getAward(cycle.awardCode).name,
        year: cycle.year,
        officeName: offices.get(cycle.officeId)?.name ?? '',
        startsOn: b.startsOn,
        endsOn: b.endsOn,
        endsAt: b.endsAt,
        durationLabel: publicityDurationLabel(b.duration),
        open: publicityOpensAt(b).getTime() <= now && new Date(b.endsAt).getTime() > now,
        contact: b.contact,
        entries: entries
          .filter((e) => e.batchId === b.id)
          .map((e) => {
            const a = byId.get(e.applicationId);
            // The project or product, where the award is given to one: what is being publicised.
            return { publicId: e.publicId, organizationName: a?.organizationName ?? '', ...(a?.subjectName ? { subjectName: a.subjectName } : {}) };
          }),
      };
    });
  }
}
