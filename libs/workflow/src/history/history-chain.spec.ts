import { describe, expect, it } from '@jest/globals';
import { chainHash, GENESIS_HASH, StoredChainRow, verifyChain } from './history-chain';

function chain(n: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { instanceId: 'i1', seq, actorId: 'u1', actorRole: 'admin', action: `a${seq}`, fromState: 's', toState: 't', comment: null, payload: { b: 1, a: [2] }, createdAt: new Date(1_700_000_000_000 + seq) };
    const hash = chainHash(prev, fields);
    rows.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('history chain', () => {
  it('verifies an intact chain', () => {
    const rows = chain(4);
    expect(verifyChain(rows, { hash: rows[3].hash, seq: 4 })).toEqual({ valid: true, firstBrokenSeq: null, rowValid: [true, true, true, true] });
  });

  it('does not depend on the key order of the payload', () => {
    const rows = chain(2);
    rows[1] = { ...rows[1], payload: { a: [2], b: 1 } };
    expect(verifyChain(rows).valid).toBe(true);
  });

  it('reports the first altered row', () => {
    const rows = chain(4);
    rows[1] = { ...rows[1], comment: 'edited' };
    expect(verifyChain(rows)).toMatchObject({ valid: false, firstBrokenSeq: 2, rowValid: [true, false, false, false] });
  });

  it('catches a removed row in the middle and at the end', () => {
    const rows = chain(4);
    expect(verifyChain([rows[0], rows[2], rows[3]]).firstBrokenSeq).toBe(3);
    expect(verifyChain(rows.slice(0, 3), { hash: rows[3].hash, seq: 4 }).firstBrokenSeq).toBe(4);
  });
});
