import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type StoredEvent, GENESIS_HASH, canonicalJson, eventHash, verifyChain } from '../../src/domain/audit-chain.ts';

function chain(n: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const e = {
      seq: String(i),
      at: new Date(Date.UTC(2026, 10, 22, 10, 0, i)),
      authorityId: 'kent',
      userId: `u${i % 3}`,
      action: i % 2 ? 'child.view' : 'child.update',
      entityType: 'child',
      entityId: `c${i}`,
      outcome: 'ok',
      ip: '127.0.0.1',
      requestId: `r${i}`,
      details: { b: i, a: 'x' },
    };
    const hash = eventHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain (R-X-7)', () => {
  it('writes JSON with sorted keys so stored details hash the same after a round trip', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }), '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it('verifies an intact chain', () => {
    const events = chain(20);
    assert.deepEqual(verifyChain(events, GENESIS_HASH, 1n).problems, []);
  });

  it('detects a removed event', () => {
    const events = chain(10);
    events.splice(4, 1);
    const problems = verifyChain(events, GENESIS_HASH, 1n).problems;
    assert.ok(problems.some((p) => p.seq === '6' && p.problem === 'gap'));
    assert.ok(problems.some((p) => p.seq === '6' && p.problem === 'prev_hash_mismatch'));
  });

  it('detects a change to any field of any event (property)', () => {
    const fields = ['action', 'entityId', 'outcome', 'ip', 'requestId', 'userId'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...fields), fc.string({ minLength: 1, maxLength: 8 }), (index, field, junk) => {
        const events = chain(10);
        const target = events[index]!;
        const tampered = { ...target, [field]: `${String(target[field])}${junk}` };
        events[index] = tampered;
        const problems = verifyChain(events, GENESIS_HASH, 1n).problems;
        assert.ok(problems.some((p) => p.seq === target.seq && p.problem === 'hash_mismatch'));
      }),
    );
  });
});
