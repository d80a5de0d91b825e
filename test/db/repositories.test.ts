// Repository tests, on PGlite and (when TEST_DATABASE_URL is set) on PostgreSQL.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { childAccessBases, decideChildAccess } from '../../src/domain/access.ts';
import { appendAuditEvent, verifyAuditChain } from '../../src/repositories/audit.ts';
import * as assessments from '../../src/repositories/assessments.ts';
import * as access from '../../src/repositories/access.ts';
import * as children from '../../src/repositories/children.ts';
import * as childSearch from '../../src/repositories/child-search.ts';
import * as panelReferrals from '../../src/repositories/panel-referrals.ts';
import { loadCurrentUser } from '../../src/services/auth-service.ts';
import { transaction } from '../../src/services/context.ts';
import { describeOnEachDatabase } from '../helpers/db.ts';
import { childFields } from '../helpers/factories.ts';

describeOnEachDatabase('repositories', (database) => {
  it('keeps the audit log append-only in the database itself (R-X-7)', async () => {
    const { db } = database();
    // The application's connection is refused, by its role's privileges (PostgreSQL) or by the triggers.
    await assert.rejects(sql`update audit_events set action = 'x'`.execute(db), /append-only|permission denied/);
    await assert.rejects(sql`delete from audit_events`.execute(db), /append-only|permission denied/);
    await assert.rejects(sql`truncate audit_events`.execute(db), /append-only|permission denied/);
    // And so is a superuser, by the triggers.
    const su = await database().superuser();
    try {
      await assert.rejects(sql`update audit_events set action = 'x'`.execute(su.db), /append-only/);
      await assert.rejects(sql`delete from audit_events`.execute(su.db), /append-only/);
      await assert.rejects(sql`truncate audit_events`.execute(su.db), /append-only/);
    } finally {
      await su.close();
    }
    const count = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(count.n) > 0);
  });

  it('chains every audit event to the one before, and the verifier finds tampering', async () => {
    const { db } = database();
    const intact = await verifyAuditChain(db, undefined, 7);
    assert.equal(intact.ok, true, JSON.stringify(intact.problems));
    assert.ok(intact.checked > 10);
    // Someone with database superuser rights switches the guard off and edits an event.
    const su = await database().superuser();
    try {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(su.db);
      await sql`update audit_events set action = 'child.view' where seq = 3`.execute(su.db);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(su.db);
    } finally {
      await su.close();
    }
    const broken = await verifyAuditChain(db, undefined, 7);
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.problems, [{ seq: '3', problem: 'hash_mismatch' }]);
  });

  it('applies the same need-to-know rule in SQL lists as in the domain, for every demo user and child (R-X-7)', async () => {
    const { db } = database();
    // An AIM assessment in progress lets its assessors see the child (R-NYO-9): the rule is checked in both places.
    const ellis = await db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', 'kent')
      .where('first_name', '=', 'Ellis')
      .executeTakeFirstOrThrow();
    const assessor = async (role: string) =>
      (await db.selectFrom('users').select('id').where('email', '=', `${role}@kent.example`).executeTakeFirstOrThrow())
        .id;
    const checks = {
      appropriateAdult: 'none' as const,
      appropriateAdultReason: '',
      prosecutionLikely: false,
      denies: false,
      legalRepAgreed: null,
      participates: true,
    };
    const common = {
      authorityId: 'kent',
      childId: ellis.id,
      model: 'aim2' as const,
      modelName: 'AIM2',
      packVersion: '1',
      clause: 'kent §13',
      requirementId: 'R-KEN-11',
      mode: 'full' as const,
      modeReason: '',
      checks,
    };
    const finished = await assessments.insertAssessment(db, {
      ...common,
      leadAssessorId: await assessor('cse-coordinator'),
      coAssessorId: await assessor('police'),
      createdBy: await assessor('aim-practitioner'),
    });
    await db
      .updateTable('assessments')
      .set({ status: 'completed', completed_at: new Date() })
      .where('id', '=', finished)
      .execute();
    await assessments.insertAssessment(db, {
      ...common,
      leadAssessorId: await assessor('aim-practitioner'),
      coAssessorId: await assessor('panel-chair'),
      createdBy: await assessor('aim-practitioner'),
    });
    const aimViewer = (await loadCurrentUser(db, await assessor('aim-practitioner')))!;
    assert.deepEqual(decideChildAccess(aimViewer, (await access.childAccessFacts(db, aimViewer.id, ellis.id))!), {
      allowed: true,
      basis: 'assessor',
    });
    const coordinator = (await loadCurrentUser(db, await assessor('cse-coordinator')))!;
    assert.equal(
      decideChildAccess(coordinator, (await access.childAccessFacts(db, coordinator.id, ellis.id))!).allowed,
      false,
      'a completed assessment gives no sight',
    );
    // A case before the AIM Pathway Panel: its chair and the allocated practitioners see the child (R-NEL-10, R-NEL-11).
    const nelChild = await db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', 'north-east-lincolnshire')
      .where('first_name', '=', 'Ellis')
      .executeTakeFirstOrThrow();
    const nelUser = async (role: string) =>
      (
        await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', `${role}@north-east-lincolnshire.example`)
          .executeTakeFirstOrThrow()
      ).id;
    const referralId = await panelReferrals.insertPanelReferral(db, {
      authorityId: 'north-east-lincolnshire',
      childId: nelChild.id,
      kind: 'assessment',
      referringService: 'childrens_services',
      assessmentType: 'CSA',
      assessmentSummary: 'x',
      harm: 'displayed',
      childConsent: true,
      parentConsent: true,
      consentExploration: '',
      policeInvestigation: false,
      chargeLikely: null,
      denies: null,
      leadProfessional: 'referrer',
      informationGatheringOnly: false,
      approaching18: false,
      referredBy: await nelUser('social-worker'),
    });
    await panelReferrals.recordDecision(db, referralId, 1, {
      accepted: true,
      reasons: 'x',
      route: 'assessment',
      leadId: await nelUser('aim-practitioner'),
      coWorkerId: await nelUser('youth-justice'),
      exceptionalReason: '',
      by: await nelUser('panel-chair'),
      on: '2026-11-20',
      nextReviewOn: '2027-02-20',
    });
    const nelChair = (await loadCurrentUser(db, await nelUser('panel-chair')))!;
    assert.deepEqual(decideChildAccess(nelChair, (await access.childAccessFacts(db, nelChair.id, nelChild.id))!), {
      allowed: true,
      basis: 'panel',
    });
    // Children seen on one basis only, so that each part of the rule is checked on its own: allocated
    // to a worker of the manager's team but to another team; with an open task owed to Youth
    // Justice; held under a grant.
    const kentUser = async (part: string) =>
      (await db.selectFrom('users').select('id').where('email', '=', `${part}@kent.example`).executeTakeFirstOrThrow())
        .id;
    const teamB = await db
      .selectFrom('teams')
      .select('id')
      .where('authority_id', '=', 'kent')
      .where('name', 'like', '%Team B')
      .executeTakeFirstOrThrow();
    const dsl = await kentUser('dsl');
    const kentChild = (firstName: string, allocatedWorkerId: string | null, allocatedTeamId: string | null) =>
      children.insertChild(db, {
        authorityId: 'kent',
        createdBy: dsl,
        allocatedTeamId,
        allocatedWorkerId,
        fields: childFields({ firstName, lastName: 'Basis' }),
      });
    const byWorker = await kentChild('Worker', await kentUser('social-worker'), teamB.id);
    const byService = await kentChild('Service', null, null);
    await db
      .insertInto('tasks')
      .values({
        authority_id: 'kent',
        child_id: byService,
        step_id: 'x',
        title: 'x',
        detail: 'x',
        owner_role: 'youth_justice',
        due_rule: 'x',
        clause: 'x',
        requirement_id: 'R-KEN-4',
      })
      .execute();
    const byGrant = await kentChild('Grant', null, null);
    await db
      .insertInto('access_grants')
      .values({
        user_id: await kentUser('police'),
        child_id: byGrant,
        reason: 'x',
        granted_by: dsl,
        expires_at: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const allUsers = await db.selectFrom('users').select('id').execute();
    const allChildren = await db.selectFrom('children').select(['id', 'authority_id', 'status']).execute();
    let allowedPairs = 0;
    for (const { id } of allUsers) {
      const viewer = (await loadCurrentUser(db, id))!;
      const listed = await db.selectFrom('children as c').select('c.id').where(access.visibleTo(viewer)).execute();
      const listedIds = new Set(listed.map((r) => r.id));
      // The rule as a union of index lookups (for counting, ADR 0021) lists the same children,
      // and narrowed by a filter, the same ones narrowed.
      const unioned = await access.visibleChildIds(db, viewer).execute();
      assert.deepEqual(new Set(unioned.map((r) => r.id)), listedIds, `union for ${viewer.email}`);
      assert.equal(unioned.length, listedIds.size, `union without repeats for ${viewer.email}`);
      const openOnes = await access.visibleChildIds(db, viewer, (eb) => eb('c.status', '=', 'open')).execute();
      assert.deepEqual(
        new Set(openOnes.map((r) => r.id)),
        new Set(allChildren.filter((c) => listedIds.has(c.id) && c.status === 'open').map((c) => c.id)),
        `open ones for ${viewer.email}`,
      );
      for (const c of allChildren) {
        const facts = (await access.childAccessFacts(db, id, c.id))!;
        const allowed = decideChildAccess(viewer, facts).allowed;
        assert.equal(listedIds.has(c.id), allowed, `user ${viewer.email} child ${c.id}`);
        if (allowed) allowedPairs += 1;
        if (c.authority_id !== viewer.authorityId) assert.equal(allowed, false);
      }
    }
    assert.ok(allowedPairs > 0 && allowedPairs < allUsers.length * allChildren.length);
    const basesOf = async (part: string, childId: string) => {
      const viewer = (await loadCurrentUser(db, await kentUser(part)))!;
      return childAccessBases(viewer, (await access.childAccessFacts(db, viewer.id, childId))!);
    };
    assert.deepEqual(await basesOf('team-manager', byWorker), ['manager']);
    assert.deepEqual(await basesOf('youth-justice', byService), ['service']);
    assert.deepEqual(await basesOf('police', byGrant), ['grant']);
  });

  it('finds possible duplicates by similar name and near date of birth with pg_trgm', async () => {
    const { db } = database();
    const manager = (await loadCurrentUser(
      db,
      (
        await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'team-manager@kent.example')
          .executeTakeFirstOrThrow()
      ).id,
    ))!;
    const ellis = await db
      .selectFrom('children')
      .selectAll()
      .where('authority_id', '=', 'kent')
      .where('first_name', '=', 'Ellis')
      .executeTakeFirstOrThrow();
    const exact = await childSearch.findPossibleMatches(db, manager, {
      firstName: 'Elis',
      lastName: 'Hawthorne',
      dateOfBirth: ellis.date_of_birth,
    });
    assert.deepEqual(
      exact.map((m) => m.id),
      [ellis.id],
    );
    const [y, m, d] = ellis.date_of_birth.split('-');
    if (Number(d) <= 12 && d !== m) {
      const swapped = await childSearch.findPossibleMatches(db, manager, {
        firstName: 'Ellis',
        lastName: 'Hawthorn',
        dateOfBirth: `${y}-${d}-${m}`,
      });
      assert.ok(swapped.some((r) => r.id === ellis.id));
    }
    const far = await childSearch.findPossibleMatches(db, manager, {
      firstName: 'Ellis',
      lastName: 'Hawthorn',
      dateOfBirth: `${Number(y) - 3}-${m}-${d}`,
    });
    assert.deepEqual(far, []);
    // Only the user's own authority is searched.
    const islington = await childSearch.findPossibleMatches(
      db,
      { ...manager, authorityId: 'islington' },
      { firstName: 'Ellis', lastName: 'Hawthorn', dateOfBirth: ellis.date_of_birth },
    );
    assert.ok(islington.every((r) => r.id !== ellis.id));
  });

  it('Find a child shows each person exactly the children the need-to-know rule lets them see, and counts the rest (R-X-7)', async () => {
    const { db } = database();
    const everyone = { nameWords: [], dateOfBirth: null, school: '', identifier: '' };
    const allUsers = await db.selectFrom('users').select('id').execute();
    const allChildren = await db.selectFrom('children').select(['id', 'authority_id', 'status']).execute();
    for (const { id } of allUsers) {
      const viewer = (await loadCurrentUser(db, id))!;
      const found = await childSearch.findChildren(db, viewer, everyone, 1000);
      const theirs = allChildren.filter((child) => child.authority_id === viewer.authorityId);
      const allowed = new Set<string>();
      for (const child of theirs)
        if (decideChildAccess(viewer, (await access.childAccessFacts(db, id, child.id))!).allowed)
          allowed.add(child.id);
      assert.deepEqual(new Set(found.shown.map((child) => child.id)), allowed, viewer.email);
      assert.equal(found.visible, allowed.size, viewer.email);
      assert.equal(found.hidden, theirs.length - allowed.size, viewer.email);
    }
    // At most the limit is listed; the counts are of every match.
    const manager = (await loadCurrentUser(
      db,
      (
        await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'team-manager@kent.example')
          .executeTakeFirstOrThrow()
      ).id,
    ))!;
    const all = await childSearch.findChildren(db, manager, everyone, 1000);
    const two = await childSearch.findChildren(db, manager, everyone, 2);
    assert.ok(all.visible > 2);
    assert.equal(two.shown.length, 2);
    assert.deepEqual([two.visible, two.hidden], [all.visible, all.hidden]);
    assert.deepEqual(
      two.shown.map((child) => child.id),
      all.shown.slice(0, 2).map((child) => child.id),
    );
  });

  it('refuses a save based on an old version', async () => {
    const { db } = database();
    const c = await db.selectFrom('children').selectAll().limit(1).executeTakeFirstOrThrow();
    const current = (await children.findChild(db, c.id))!;
    const fields = { ...current, homeArea: 'Changed ward' };
    assert.equal(await children.updateChild(db, c.id, current.version, c.created_by, fields), true);
    assert.equal(
      await children.updateChild(db, c.id, current.version, c.created_by, { ...fields, homeArea: 'Stale ward' }),
      false,
    );
    assert.equal((await children.findChild(db, c.id))!.homeArea, 'Changed ward');
  });

  it('writes nothing when a transaction fails part-way', async () => {
    const { db } = database();
    const count = async () => {
      const a = await db
        .selectFrom('children')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const b = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return [Number(a.n), Number(b.n)];
    };
    const beforeCounts = await count();
    const someone = await db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    await assert.rejects(
      transaction(db, async (trx) => {
        await children.insertChild(trx, {
          authorityId: 'kent',
          createdBy: someone.id,
          allocatedTeamId: null,
          allocatedWorkerId: null,
          fields: childFields({ firstName: 'Partial', lastName: 'Write', sex: 'male' }),
        });
        await appendAuditEvent(trx, { authorityId: 'kent', userId: someone.id, action: 'child.create', outcome: 'ok' });
        throw new Error('crash after the writes');
      }),
      /crash/,
    );
    assert.deepEqual(await count(), beforeCounts);
    assert.equal((await verifyAuditChain(db)).problems.filter((p) => p.problem === 'gap').length, 0);
  });
});
