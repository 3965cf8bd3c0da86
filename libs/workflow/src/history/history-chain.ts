import { canonicalJson, sha256Hex } from '../definition/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a history row that the chain protects. */
export interface ChainedFields {
  instanceId: string;
  seq: number;
  actorId: string | null;
  actorRole: string;
  action: string;
  fromState: string | null;
  toState: string;
  comment: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** hash = sha256(previous hash + canonical JSON of the row). */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const fields: Record<keyof ChainedFields, unknown> = {
    instanceId: row.instanceId,
    seq: row.seq,
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    fromState: row.fromState,
    toState: row.toState,
    comment: row.comment,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
  };
  return sha256Hex(prevHash + canonicalJson(fields));
}

export interface StoredChainRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  valid: boolean;
  /** seq of the first row whose link is broken (altered, removed or reordered before it). */
  firstBrokenSeq: number | null;
  /** Per row: its link and every link before it hold. */
  rowValid: boolean[];
}

/**
 * Recomputes the chain. `head` is what the instance row says the last hash and count are, so
 * deleting the newest rows is caught as well as editing any of them.
 */
export function verifyChain(rows: StoredChainRow[], head?: { hash: string; seq: number }): ChainVerification {
  const rowValid: boolean[] = [];
  let prev = GENESIS_HASH;
  let firstBrokenSeq: number | null = null;
  rows.forEach((row, i) => {
    const ok = firstBrokenSeq === null && row.seq === i + 1 && row.prevHash === prev && chainHash(prev, row) === row.hash;
    if (!ok && firstBrokenSeq === null) firstBrokenSeq = row.seq;
    rowValid.push(ok);
    prev = row.hash;
  });
  if (firstBrokenSeq === null && head && (head.hash !== prev || head.seq !== rows.length)) {
    firstBrokenSeq = rows.length + 1;
  }
  return { valid: firstBrokenSeq === null, firstBrokenSeq, rowValid };
}
