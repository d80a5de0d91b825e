// Finding the demo data's incidents and children in tests.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/types.ts';
import { demoEmail } from '../../src/cli/demo-data.ts';
import { loadCurrentUser } from '../../src/services/auth-service.ts';
import type { Actor } from '../../src/services/context.ts';
import * as screeningService from '../../src/services/screening-service.ts';

/** The demo incident in which the named child displayed the behaviour, with the child harmed. */
export async function demoIncident(db: Kysely<Database>, authority: string, displayedFirstName: string) {
  const rows = await db
    .selectFrom('incident_children as ic')
    .innerJoin('children as c', 'c.id', 'ic.child_id')
    .select(['ic.incident_id', 'ic.child_id', 'ic.role', 'c.first_name'])
    .where('c.authority_id', '=', authority)
    .execute();
  const displayed = rows.find((r) => r.first_name === displayedFirstName && r.role === 'displayed');
  if (!displayed) throw new Error(`No demo incident for ${displayedFirstName} in ${authority}`);
  const targeted = rows.find((r) => r.incident_id === displayed.incident_id && r.role === 'targeted');
  return { incidentId: displayed.incident_id, childId: displayed.child_id, targetedId: targeted!.child_id };
}

export async function demoActor(db: Kysely<Database>, authority: string, role: string): Promise<Actor> {
  const u = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail(authority, role))
    .executeTakeFirstOrThrow();
  const user = await loadCurrentUser(db, u.id);
  if (!user) throw new Error('no such user');
  return { user, ip: '127.0.0.1', requestId: `test-${role}` };
}

/**
 * The school's DSL screens the named child's demo Kent incident with Carson as harmful, with
 * significant harm and other children at risk (and any other facts given), and decides; returns
 * the strategy discussion task.
 */
export async function screenKentHarmful(db: Kysely<Database>, firstName: string, facts: Record<string, boolean> = {}) {
  const inc = await demoIncident(db, 'kent', firstName);
  const dsl = await demoActor(db, 'kent', 'dsl');
  const ratings = {
    type: 'harmful',
    context: 'harmful',
    'emotional-response': 'problematic',
    'targeted-response': 'harmful',
    power: 'harmful',
    frequency: 'healthy',
    persistence: 'healthy',
    'parental-response': 'healthy',
  };
  const sid = await screeningService.recordAnswers(db, dsl, inc.incidentId, inc.childId, {
    toolId: 'carson',
    answers: { ratings },
    facts: { significant_harm: true, youth_justice: false, open_case: false, other_children_at_risk: true, ...facts },
  });
  await screeningService.decide(db, dsl, sid, { levelId: 'harmful', rationale: 'Coercive, towards a younger child.' });
  const task = await db
    .selectFrom('tasks')
    .select(['id'])
    .where('incident_id', '=', inc.incidentId)
    .where('step_id', '=', 'strategy-discussion')
    .executeTakeFirstOrThrow();
  return { ...inc, taskId: task.id };
}
