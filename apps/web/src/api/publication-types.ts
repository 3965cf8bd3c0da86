import type { components } from './schema';

/*
 * Issue 16's answers (公示 batches, objections, 表彰决定, certificates and the public pages), by the
 * names the console uses: aliases over the types generated from the API (schema.ts).
 */
type Schemas = components['schemas'];

/** 'YYYY-MM-DD', a Beijing date. */
export type BeijingDate = string;

export type PublicityContact = Schemas['PublicityContactDto'];
export type PublicityBatchEntry = Schemas['PublicityEntryDto'];
export type PublicityBatch = Schemas['PublicityBatchDto'];
export type PublicityBatchList = Schemas['PublicityBatchListDto'];
export type ApplicationPublicity = Schemas['ApplicationPublicityDto'];
export type PublishBatchRequest = Schemas['PublishPublicityDto'];

export type PublicationObjection = Schemas['ObjectionViewDto'];
export type ObjectionChannel = NonNullable<PublicationObjection['channel']>;
export type ObjectionStatus = PublicationObjection['status'];
export type ObjectionFile = Schemas['ObjectionFileDto'];
export type ObjectionResponse = Schemas['ObjectionResponseViewDto'];
export type RecordObjectionRequest = Schemas['ObjectionDto'];
export type RecordedObjection = Schemas['ObjectionFiledDto'];
export type ResolvedObjection = Schemas['ObjectionResolvedDto'];

export type AwardDecision = Schemas['AwardDecisionDto'];
export type Certificate = Schemas['ApplicationCertificateDto'];

// ---- public (no login) ----
export type PublicOffice = Schemas['PublicOfficeDto'];
export type PublicOfficeList = Schemas['PublicOfficeListDto'];
export type PublicBatch = Schemas['PublicBatchDto'];
export type PublicOfficePublicity = Schemas['PublicOfficePublicityDto'];
export type PublicObjectionReceipt = Schemas['PublicObjectionFiledDto'];
export type PublicCertificate = Schemas['CertificateVerificationDto'];
export type PublicResults = Schemas['PublicOfficeResultsDto'];
