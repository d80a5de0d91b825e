// Every task reaches someone who can do it (R-X-3, issue 11): each open task of every pack's demo
// case, and a task for every step every pack can route to (and every next step a referral's or a
// meeting's outcome sets), is in the My tasks of at least one person who may mark it done.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { childAccessBases } from '../../src/domain/access.ts';
import { may } from '../../src/domain/actions.ts';
import { OUTCOMES } from '../../src/domain/meeting-outcomes.ts';
import type { Database } from '../../src/db/types.ts';
import { AUTHORITIES, seedDemoPlans, seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { getPack } from '../../src/procedures/index.ts';
import { accessFacts } from '../../src/repositories/access.ts';
import { insertTask, tasksForUser } from '../../src/repositories/tasks.ts';
import { loadCurrentUser } from '../../src/services/auth-service.ts';
import type { CurrentUser } from '../../src/services/context.ts';
import { taskRelations } from '../../src/services/task-service.ts';
import { describeOnEachDatabase } from '../helpers/db.ts';
import { demoIncident } from '../helpers/cases.ts';
import type { Kysely } from 'kysely';

async function people(db: Kysely<Database>, authorityId: string): Promise<CurrentUser[]> {
  const ids = await db
    .selectFrom('users')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('active', '=', true)
    .execute();
  return (await Promise.all(ids.map((u) => loadCurrentUser(db, u.id)))).filter(
    (u): u is CurrentUser => u !== undefined,
  );
}

/** Those who find the task in My tasks and may mark it done. */
async function reach(
  db: Kysely<Database>,
  users: CurrentUser[],
  task: { id: string; childId: string; ownerRole: string; assignedTo: string | null },
) {
  const found: string[] = [];
  for (const u of users) {
    if (!(await tasksForUser(db, u, 1000)).some((t) => t.id === task.id)) continue;
    const facts = (await accessFacts(db, [u.id], [task.childId])).get(u.id)?.get(task.childId);
    const bases = facts ? childAccessBases(u, facts) : [];
    if (may('task.complete', { roles: u.roles, bases, relations: ['signed_in', ...taskRelations(u, task)] }).allowed)
      found.push(u.email);
  }
  return found;
}

describeOnEachDatabase('every task reaches someone who can do it', (database) => {
  it('puts each open task of every pack’s demo case, its plans’ reviews too, in the My tasks of someone who may do it', async () => {
    const { db } = database();
    await seedDemoScreenings(db);
    await seedDemoPlans(db);
    const reviews = await db
      .selectFrom('tasks')
      .select('id')
      .where('step_id', '=', 'plan-review')
      .where('status', '=', 'open')
      .execute();
    assert.equal(reviews.length, AUTHORITIES.length, 'each demo case has a plan whose review is due');
    const stranded: string[] = [];
    for (const a of AUTHORITIES) {
      const users = await people(db, a.id);
      const open = await db
        .selectFrom('tasks')
        .select(['id', 'child_id', 'owner_role', 'assigned_to', 'title'])
        .where('authority_id', '=', a.id)
        .where('status', '=', 'open')
        .execute();
      assert.ok(open.length > 0, `${a.id} has open tasks`);
      for (const t of open)
        if (
          !(
            await reach(db, users, {
              id: t.id,
              childId: t.child_id,
              ownerRole: t.owner_role,
              assignedTo: t.assigned_to,
            })
          ).length
        )
          stranded.push(`${a.id}: ${t.title}`);
    }
    assert.deepEqual(stranded, [], 'open tasks nobody who can do them will find');
  });

  it('puts a task for every step of every pack, and every next step an outcome sets, before someone who may do it', async () => {
    const { db } = database();
    const stranded: string[] = [];
    for (const a of AUTHORITIES) {
      const pack = getPack(a.id)!;
      const users = await people(db, a.id);
      const inc = await demoIncident(db, a.id, 'Ellis');
      const screener = users.find((u) => u.roles.includes('dsl'))!;
      const owed: { title: string; owner: string; forChild: 'displayed' | 'targeted' }[] = [
        ...pack.steps.map((s) => ({ title: s.title, owner: s.owner, forChild: s.forChild })),
        ...pack.referral.outcomes.flatMap((o) =>
          o.then ? [{ title: o.then.title, owner: o.then.owner, forChild: 'displayed' as const }] : [],
        ),
        ...Object.values(OUTCOMES).flatMap((o) =>
          o.tasks.flatMap((t) =>
            (['displayed', 'targeted'] as const).map((forChild) => ({
              title: `${t.title} (${forChild})`,
              owner: t.owner,
              forChild,
            })),
          ),
        ),
      ];
      for (const step of owed) {
        const childId = step.forChild === 'displayed' ? inc.childId : inc.targetedId;
        // The screener's own follow-ups are given to the person who screened, as screening does.
        const assignedTo = step.owner === 'screener' ? screener.id : null;
        const id = await insertTask(db, {
          authorityId: a.id,
          childId,
          incidentId: inc.incidentId,
          screeningId: null,
          stepId: 'reach-check',
          title: step.title,
          detail: '',
          kind: 'do',
          ownerRole: step.owner,
          assignedTo,
          dueOn: null,
          dueRule: '',
          clause: '',
          requirementId: '',
        });
        const who = await reach(db, users, { id, childId, ownerRole: step.owner, assignedTo });
        if (!who.length) stranded.push(`${a.id}: ${step.title} (${step.owner})`);
        await db.updateTable('tasks').set({ status: 'superseded' }).where('id', '=', id).execute();
      }
    }
    assert.deepEqual(stranded, [], 'tasks nobody who can do them will find');
  });
});
