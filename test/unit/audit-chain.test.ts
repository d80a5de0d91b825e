import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type AuditKey,
  type StoredEvent,
  GENESIS_HASH,
  auditKey,
  canonicalJson,
  chainLabel,
  checkpointSigned,
  eventHash,
  signCheckpoint,
  verifyChain,
} from '../../src/domain/audit-chain.ts';

const KEY = auditKey('unit-test-key-of-at-least-thirty-two-characters');

function chain(n: number, key?: AuditKey): StoredEvent[] {
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
    const hash = eventHash(prev, e, key);
    out.push({ ...e, ...(key ? { chain: chainLabel(key) } : {}), prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain (R-X-7)', () => {
  it('writes JSON with sorted keys so stored details hash the same after a round trip', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }),
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
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
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 8 }),
        (index, field, junk) => {
          const events = chain(10);
          const target = events[index]!;
          const tampered = { ...target, [field]: `${String(target[field])}${junk}` };
          events[index] = tampered;
          const problems = verifyChain(events, GENESIS_HASH, 1n).problems;
          assert.ok(problems.some((p) => p.seq === target.seq && p.problem === 'hash_mismatch'));
        },
      ),
    );
  });

  it('keys the chain: the same events hash differently with another key, and verify only with theirs', () => {
    const events = chain(10, KEY);
    assert.deepEqual(verifyChain(events, GENESIS_HASH, 1n, [KEY]).problems, []);
    const other = auditKey('another-key-of-at-least-thirty-two-characters!!');
    assert.notEqual(eventHash(GENESIS_HASH, events[0]!, other), events[0]!.hash);
    assert.ok(verifyChain(events, GENESIS_HASH, 1n, []).problems.every((p) => p.problem === 'unknown_key'));
  });

  // From the first event, an unkeyed rewrite is a chain from before the key: the signed checkpoints
  // outside the database find that (test/db/audit-integrity.test.ts).
  it('finds a keyed chain computed again without the key from any event after the first, however it is labelled (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.boolean(), (from, relabel) => {
        const events = chain(10, KEY);
        // The tamperer edits an event and computes every hash from it again, knowing the algorithm but not the key.
        let prev = events[from]!.prevHash;
        for (let i = from; i < events.length; i += 1) {
          const e = {
            ...events[i]!,
            action: i === from ? 'child.update' : events[i]!.action,
            prevHash: prev,
            ...(relabel ? { chain: 'sha256' } : {}),
          };
          e.hash = eventHash(prev, e);
          events[i] = e;
          prev = e.hash;
        }
        const problems = verifyChain(events, GENESIS_HASH, 1n, [KEY]).problems;
        assert.ok(
          problems.some(
            (p) => p.seq === String(from + 1) && (p.problem === 'hash_mismatch' || p.problem === 'unkeyed_after_keyed'),
          ),
        );
      }),
    );
  });

  it('still verifies events written before the key, only before the first keyed one', () => {
    const old = chain(3);
    const keyed = chain(6, KEY)
      .slice(3)
      .map((e, i) => ({ ...e, seq: String(4 + i) }));
    let prev = old.at(-1)!.hash;
    const joined = [
      ...old,
      ...keyed.map((e) => {
        const x = { ...e, prevHash: prev };
        x.hash = eventHash(prev, x, KEY);
        prev = x.hash;
        return x;
      }),
    ];
    assert.deepEqual(verifyChain(joined, GENESIS_HASH, 1n, [KEY]).problems, []);
  });

  it('signs checkpoints, so that an altered one does not verify', () => {
    const c = signCheckpoint(KEY, {
      seq: '10',
      hash: 'a'.repeat(64),
      first: 'b'.repeat(64),
      at: '2026-12-01T10:00:00.000Z',
    });
    assert.equal(checkpointSigned([KEY], c), true);
    assert.equal(checkpointSigned([KEY], { ...c, seq: '8' }), false);
    assert.equal(checkpointSigned([auditKey('another-key-of-at-least-thirty-two-characters!!')], c), false);
  });
});
