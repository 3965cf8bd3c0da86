/*
 * Issue 16's answers (公示 batches, objections, 表彰决定, certificates and the public pages), written by
 * hand from the contract until the API's routes are in schema.ts; then these become aliases of the
 * generated types, as api/types.ts does.
 */

/** 'YYYY-MM-DD', a Beijing date. */
export type BeijingDate = string;

export interface PublicityContact {
  unit: string;
  phone: string;
  address: string;
  email: string;
}

export interface PublicityBatchEntry {
  applicationId: string;
  publicId: string;
  organizationName: string;
  subjectName?: string | null;
  state: string;
  stateLabel: string;
  openObjections: number;
}

export interface PublicityBatch {
  id: string;
  seq: number;
  title: string;
  startsOn: BeijingDate;
  endsOn: BeijingDate;
  endsAt: string;
  duration: string;
  contact: PublicityContact;
  publishedAt: string;
  entries: PublicityBatchEntry[];
}

export interface PublicityBatchList {
  items: PublicityBatch[];
}

export interface PublishBatchRequest {
  applicationIds?: string[];
  startsOn: BeijingDate;
  duration?: 'P7D' | 'P5WD' | string;
  title?: string;
  contact: PublicityContact;
}

export type ObjectionChannel = 'online' | 'public' | 'post' | 'phone' | 'mail';
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed' | 'superseded';

export interface ObjectionFile {
  id: string;
  fileName: string;
  sizeBytes: number;
}

export interface ObjectionResponse {
  id: string;
  content: string;
  createdAt: string;
  files: ObjectionFile[];
}

/** As the office sees it; everyone else gets the objector's fields null (never the identity). */
export interface PublicationObjection {
  id: string;
  applicationId: string;
  channel: ObjectionChannel;
  status: ObjectionStatus;
  objectorName?: string | null;
  objectorIdNumber?: string | null;
  objectorOrganization?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  receivedOn?: BeijingDate | null;
  content: string;
  evidence?: string | null;
  files: ObjectionFile[];
  responses: ObjectionResponse[];
  resolution?: string | null;
  createdAt: string;
  resolvedAt?: string | null;
}

export interface RecordObjectionRequest {
  channel: 'post' | 'phone' | 'mail';
  receivedOn: BeijingDate;
  objectorName: string;
  objectorIdNumber: string;
  objectorOrganization?: string;
  contactPhone: string;
  contactEmail?: string;
  content: string;
  evidence: string;
}

export interface RecordedObjection {
  id: string;
  applicationId: string;
  status: ObjectionStatus;
}

export interface ResolvedObjection {
  id: string;
  status: ObjectionStatus;
  applicationState: string;
}

export interface AwardDecision {
  title: string;
  documentNumber: string;
  decidedOn: BeijingDate;
  fileName: string;
  recordedAt: string;
}

export interface Certificate {
  number: string;
  tier: string;
  tierLabel: string;
  status: 'valid' | 'revoked';
  issuedAt: string;
  revokedAt?: string | null;
  pdfReady: boolean;
}

// ---- public (no login) ----

export interface PublicOffice {
  code: string;
  name: string;
}

export interface PublicBatch {
  id: string;
  title: string;
  awardName: string;
  year: number;
  officeName: string;
  startsOn: BeijingDate;
  endsOn: BeijingDate;
  endsAt: string;
  open: boolean;
  contact: PublicityContact;
  entries: Array<{ publicId: string; organizationName: string; subjectName?: string | null }>;
}

export interface PublicOfficePublicity {
  office: PublicOffice;
  current: PublicBatch[];
  past: PublicBatch[];
}

export interface PublicObjectionReceipt {
  reference: string;
  filedAt: string;
}

export interface PublicCertificate {
  status: 'valid' | 'revoked' | 'unknown';
  certificate?: {
    number: string;
    awardName: string;
    year: number;
    officeName: string;
    organizationName: string;
    tierLabel: string;
    documentNumber?: string | null;
    decidedOn?: BeijingDate | null;
    issuedAt: string;
    revokedAt?: string | null;
  } | null;
}

export interface PublicResults {
  office: PublicOffice;
  items: Array<{
    awardName: string;
    year: number;
    decision: { title: string; documentNumber: string; decidedOn: BeijingDate } | null;
    winners: Array<{ organizationName: string; tierLabel: string; certificateNumber: string; revoked: boolean }>;
  }>;
}
