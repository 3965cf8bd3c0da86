import { A } from '@awardflow/awards';
import type { HistoryEntry } from '@awardflow/workflow';
import { Audience, sees } from './audience';

/**
 * The one place that decides what a response about an application may contain for its reader.
 * Every route that shows an application, its history, materials, objections, tasks or
 * notifications passes its answer through the function for that kind of answer here, with the
 * reader's Audience (audience.ts says who sees what); no route decides on its own what to hide.
 */

/** The applicant's identifying facts, as far as free text (forms, comments) may repeat them. */
export interface ApplicantIdentity {
  id: string;
  name: string;
  uscc: string;
  address?: string;
  legalRepresentative?: string;
  contact?: { name?: string; phone?: string; email?: string };
}

const MASK = '〔已隐去〕';

/** Replaces each of these terms (names, numbers, contacts) wherever it appears in a text. */
export function termsMask(candidates: ReadonlyArray<string | null | undefined>): (text: string) => string {
  const terms = [...new Set(candidates.filter((t): t is string => typeof t === 'string' && [...t.trim()].length >= 2).map((t) => t.trim()))]
    // Longest first, so a name is masked whole before a shorter term inside it is.
    .sort((a, b) => b.length - a.length);
  if (!terms.length) return (text) => text;
  return (text) => terms.reduce((out, term) => out.split(term).join(MASK), text);
}

/** The applicant's name, credit code, address and contacts. */
export function applicantTerms(identity: ApplicantIdentity | null | undefined): Array<string | null | undefined> {
  if (!identity) return [];
  return [identity.name, identity.uscc, identity.address, identity.legalRepresentative, identity.contact?.name, identity.contact?.phone, identity.contact?.email];
}

/** Replaces the applicant's name, credit code, address and contacts wherever they appear in a text. */
export function identityMask(identity: ApplicantIdentity | null | undefined): (text: string) => string {
  return termsMask(applicantTerms(identity));
}

/** Every string inside a JSON value, masked. */
export function maskDeep<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, mask)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, mask)])) as T;
  }
  return value;
}

// ---- the application ----

export interface ApplicationIdentityView {
  organization?: { id: string; name: string; uscc: string };
  form: Record<string, unknown>;
}

/** The organisation and the form as the audience may see them (blind: no organisation, masked form). */
export function redactApplication(audience: Audience, identity: ApplicantIdentity, form: Record<string, unknown>): ApplicationIdentityView {
  if (sees(audience).applicant) return { organization: { id: identity.id, name: identity.name, uscc: identity.uscc }, form };
  // A person nominated (中国质量奖 个人) is named in the form: hidden from blind readers like the applicant.
  const nominee = form.nominee;
  const person = typeof nominee === 'object' && nominee !== null ? [(nominee as Record<string, unknown>).name, (nominee as Record<string, unknown>).workUnit].filter((t): t is string => typeof t === 'string') : [];
  return { organization: undefined, form: maskDeep(form, termsMask([...applicantTerms(identity), ...person])) };
}

/** An organisation name in a list row (tasks, assignments): undefined where the applicant is hidden. */
export function organizationNameFor(audience: Audience, name: string): string | undefined {
  return sees(audience).applicant ? name : undefined;
}

// ---- the history ----

export type HistoryEntryView = Omit<HistoryEntry, 'prevHash' | 'hash'> & { prevHash?: string; hash?: string };

export interface HistoryView {
  entries: HistoryEntryView[];
  chainValid: boolean;
  firstBrokenSeq: number | null;
}

/** The actor role shown instead of the objector's own role (an enterprise, an expert, ...). */
export const OBJECTOR_ROLE = 'objector';
/** Payload keys anyone who may see the application may read; the rest is the office's working data. */
const SHARED_PAYLOAD_KEYS = ['banEditions'];

/**
 * One history row for the audience. Rows are hash-chained and never rewritten, so rows written
 * before a rule existed (`实名异议（name）`, `表决结果：同意 n…`) are redacted here when read.
 */
export function redactHistoryEntry(audience: Audience, entry: HistoryEntry | HistoryEntryView, mask: (text: string) => string = (t) => t): HistoryEntryView {
  const visibility = sees(audience);
  if (visibility.actors && visibility.objectors && visibility.panelTally) return entry;
  // The hashes commit to the whole row: with them, a hidden comment or tally could be guessed back.
  const { prevHash: _prev, hash: _hash, ...row } = entry;
  const objection = entry.action === A.fileObjection && !visibility.objectors;
  return {
    ...row,
    actorId: visibility.actors || (entry.actorId !== null && entry.actorId === audience.userId && !objection) ? entry.actorId : null,
    actorRole: objection ? OBJECTOR_ROLE : entry.actorRole,
    comment: historyComment(audience, entry, mask),
    payload: visibility.panelTally ? entry.payload : Object.fromEntries(Object.entries(entry.payload ?? {}).filter(([k]) => SHARED_PAYLOAD_KEYS.includes(k))),
  };
}

/**
 * A history row's comment for the audience (also what a notification quotes as its 原因). `mask`
 * is the audience's own (ApplicantMask.forApplication): it hides what the audience may not learn
 * from free text — the applicant from blind readers, objectors from everyone but the office.
 */
export function historyComment(audience: Audience, entry: { action: string; comment: string | null }, mask: (text: string) => string = (t) => t): string | null {
  const visibility = sees(audience);
  if (entry.comment === null) return null;
  if (entry.action === A.fileObjection && !visibility.objectors) return null;
  if (entry.action === A.closePanelVote && !visibility.panelTally) return null;
  return mask(entry.comment);
}

export function redactHistory(audience: Audience, history: HistoryView, mask?: (text: string) => string): HistoryView {
  return { ...history, entries: history.entries.map((e) => redactHistoryEntry(audience, e as HistoryEntry, mask)) };
}

// ---- materials ----

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** "材料3-自评报告.pdf": the material's place in upload order and its document type. */
export function neutralMaterialName(n: number, label: string, mediaType: string): string {
  return `材料${n}-${label}.${EXTENSIONS[mediaType] ?? 'bin'}`;
}

export interface StoredMaterial {
  id: string;
  documentType: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export interface MaterialView {
  id: string;
  /** 1-based place among the application's materials in upload order. */
  n: number;
  documentType: string;
  documentLabel: string;
  /** What to show and download it as: the uploaded name, or a neutral one where that is hidden. */
  name: string;
  /** The name as uploaded; only for audiences that may see it. */
  originalName?: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

/** The file name a material is shown and downloaded under. */
export function materialName(audience: Audience, material: StoredMaterial, n: number, documentLabel: string): string {
  return sees(audience).uploadNames ? material.originalName : neutralMaterialName(n, documentLabel, material.mediaType);
}

export function materialView(audience: Audience, material: StoredMaterial, n: number, documentLabel: string): MaterialView {
  return {
    id: material.id,
    n,
    documentType: material.documentType,
    documentLabel,
    name: materialName(audience, material, n, documentLabel),
    ...(sees(audience).uploadNames ? { originalName: material.originalName } : {}),
    mediaType: material.mediaType,
    size: material.size,
    sha256: material.sha256,
    createdAt: material.createdAt,
  };
}

// ---- 公示 objections ----

export interface ObjectionFileView {
  id: string;
  fileName: string;
  sizeBytes: number;
}

export interface ObjectionRecord {
  id: string;
  applicationId: string;
  channel: string;
  objectorName: string;
  objectorIdNumber: string | null;
  objectorOrganization: string | null;
  contactPhone: string;
  contactEmail: string | null;
  receivedOn: string | null;
  content: string;
  evidence: string;
  status: string;
  resolution: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  /** The objector's evidence files. */
  files?: ObjectionFileView[];
  /** The enterprise's 申辩, with its files. */
  responses?: Array<{ id: string; content: string; createdAt: Date; files: ObjectionFileView[] }>;
}

export type ObjectionView = Pick<ObjectionRecord, 'id' | 'applicationId' | 'status' | 'resolution' | 'createdAt' | 'resolvedAt'> &
  Partial<ObjectionRecord> & { evidenceFileCount?: number };

/**
 * The office sees the objector and everything filed. The enterprise sees what it must answer (the
 * allegation and the evidence described, with the objector's name, number and contacts masked out
 * of the text, and how many files were given) and its own 申辩, never who objected: the files stay
 * with the office, as they may name the objector. Everybody else sees that there was one, and its
 * outcome.
 */
export function redactObjection(audience: Audience, o: ObjectionRecord): ObjectionView {
  const visibility = sees(audience);
  if (visibility.objectors) return o;
  const outcome = { id: o.id, applicationId: o.applicationId, status: o.status, resolution: o.resolution, createdAt: o.createdAt, resolvedAt: o.resolvedAt };
  if (!visibility.allegations) return outcome;
  const mask = termsMask(objectorTerms(o));
  return { ...outcome, channel: o.channel, content: mask(o.content), evidence: mask(o.evidence), evidenceFileCount: o.files?.length ?? 0, responses: o.responses, resolution: o.resolution && mask(o.resolution) };
}

/** Who objected, as they may appear in free text. */
export function objectorTerms(o: Pick<ObjectionRecord, 'objectorName' | 'objectorIdNumber' | 'objectorOrganization' | 'contactPhone' | 'contactEmail'>): Array<string | null> {
  return [o.objectorName, o.objectorIdNumber, o.objectorOrganization, o.contactPhone, o.contactEmail];
}

// ---- notifications ----

export interface NotificationFacts {
  organizationName?: string;
  reason?: string | null;
}

/** Template variables for a group of recipients: no applicant name for blind reviewers. */
export function redactNotificationVariables<T extends NotificationFacts>(audience: Audience, variables: T): T {
  return sees(audience).applicant ? variables : { ...variables, organizationName: undefined };
}
