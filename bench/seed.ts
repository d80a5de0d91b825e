// The bench's seed, in a process of its own (npm run bench runs it first): a large synthetic
// database, then the ids the measured pages need, printed as one JSON line. Run apart from the
// application so that what it holds in memory is not counted as the application's.
//
//   BENCH_DATA_DIR (PGlite) or DATABASE_URL   BENCH_AUDIT_KEY   BENCH_CHILDREN  BENCH_INCIDENTS  BENCH_AUDIT
import { sql } from 'kysely';
import { demoEmail, seedDemo } from '../src/cli/demo-data.ts';
import { migrateToLatest, openDatabase } from '../src/db/connection.ts';
import { GENESIS_HASH, auditKey, chainLabel, eventHash } from '../src/domain/audit-chain.ts';
import { configureAuditKey } from '../src/repositories/audit.ts';

const n = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const CHILDREN = n('BENCH_CHILDREN', 100_000);
const INCIDENTS = n('BENCH_INCIDENTS', 300_000);
const AUDIT = n('BENCH_AUDIT', 1_000_000);

// The bench's own key, the one the application process is given: its events are chained as the service's are.
const benchKey = auditKey(process.env.BENCH_AUDIT_KEY!);
configureAuditKey(benchKey);
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.BENCH_DATA_DIR ?? '' });
const { db } = handle;
const t0 = Date.now();
await migrateToLatest(db);
if (process.env.DATABASE_URL && (await db.selectFrom('authorities').select('id').limit(1).execute()).length) {
  console.error('DATABASE_URL points at a database that already has data: use an empty one for the bench.');
  process.exit(1);
}
await seedDemo(db, { withCases: false });

const kentTeams = await db.selectFrom('teams').select('id').where('authority_id', '=', 'kent').execute();
const worker = await db
  .selectFrom('users')
  .select('id')
  .where('email', '=', demoEmail('kent', 'social_worker'))
  .executeTakeFirstOrThrow();
const workerTeam = await db
  .selectFrom('team_members')
  .select('team_id')
  .where('user_id', '=', worker.id)
  .executeTakeFirstOrThrow();
const creator = await db
  .selectFrom('users')
  .select('id')
  .where('email', '=', demoEmail('kent', 'dsl'))
  .executeTakeFirstOrThrow();

console.log(`Seeding ${CHILDREN} children, ${INCIDENTS} incidents, ${AUDIT} audit events...`);
// Children: one in 1000 allocated to the measured worker (at least a handful when the bench is
// run small), the rest across Kent's teams.
const EVERY = Math.max(1, Math.min(1000, Math.floor(CHILDREN / 10)));
await sql`
  insert into children (authority_id, first_name, last_name, date_of_birth, sex, created_by, updated_by, allocated_team_id, allocated_worker_id)
  select 'kent', 'Child' || g, 'Synthetic' || (g % 997), date '2008-01-01' + (g % 5000), case when g % 2 = 0 then 'female' else 'male' end,
         ${creator.id}::uuid, ${creator.id}::uuid,
         case when g % ${EVERY} = 0 then ${workerTeam.team_id}::uuid else (array[${sql.join(kentTeams.map((t) => sql`${t.id}::uuid`))}])[1 + g % ${kentTeams.length}] end,
         case when g % ${EVERY} = 0 then ${worker.id}::uuid else null end
  from generate_series(1, ${CHILDREN}) g`.execute(db);
await sql`
  insert into incidents (authority_id, status, occurred_at, created_by, updated_by, behaviour, location_type, technology_assisted, submitted_at)
  select 'kent', 'submitted', timestamp '2024-01-01' + (g || ' hours')::interval, ${creator.id}::uuid, ${creator.id}::uuid,
         'Synthetic incident ' || g, 'school', 'no', now()
  from generate_series(1, ${INCIDENTS}) g`.execute(db);
await sql`
  with c as (select id, row_number() over (order by created_at, id) as rn from children),
       i as (select id, row_number() over (order by created_at, id) as rn from incidents)
  insert into incident_children (incident_id, child_id, role)
  select i.id, c.id, 'displayed' from i join c on c.rn = 1 + (i.rn % ${CHILDREN})
  union all
  select i.id, c.id, 'targeted' from i join c on c.rn = 1 + ((i.rn + 7) % ${CHILDREN}) where (i.rn + 7) % ${CHILDREN} <> i.rn % ${CHILDREN}`.execute(
  db,
);
await sql`
  insert into chronology_entries (child_id, occurred_at, recorded_by, kind, summary, incident_id)
  select ic.child_id, i.occurred_at, ${creator.id}::uuid, 'incident', 'Incident recorded (synthetic)', i.id
  from incident_children ic join incidents i on i.id = ic.incident_id`.execute(db);

// Tasks from routing: one open task per incident on the child who displayed the behaviour,
// owned by social workers; those on the measured worker's children are assigned to them.
await sql`
  insert into tasks (authority_id, child_id, incident_id, step_id, title, detail, owner_role, assigned_to, due_on, due_rule, clause, requirement_id)
  select 'kent', ic.child_id, ic.incident_id, 'nelft-aim2', 'Refer to NELFT for an AIM2 assessment', 'Synthetic task', 'social_worker',
         c.allocated_worker_id, date '2026-01-01' + (abs(hashtext(ic.incident_id::text)) % 700), 'Synthetic', 'kent §13', 'R-KEN-11'
  from incident_children ic join children c on c.id = ic.child_id where ic.role = 'displayed'`.execute(db);

// Meetings: a strategy discussion for one incident in ten, with both children, Kent's twelve
// invitees and its agenda; the measured worker's child gets one too.
const manager = await db
  .selectFrom('users')
  .select('id')
  .where('email', '=', demoEmail('kent', 'team_manager'))
  .executeTakeFirstOrThrow();
const agenda = JSON.stringify(
  Array.from({ length: 19 }, (_, k) => ({
    section: k < 7 ? 'Agenda' : 'Planning the investigation',
    text: `Synthetic agenda item ${k + 1}`,
    notes: 'Synthetic notes '.repeat(10),
  })),
);
await sql`
  insert into meetings (authority_id, incident_id, type_id, type_label, pack_version, due_on, held_on, chair_id, chair_authority_id, chair_rule, agenda, created_by)
  select 'kent', i.id, 'strategy-discussion', 'Strategy discussion', 'bench', date '2026-01-01' + (g.rn % 300)::int, date '2026-01-01' + (g.rn % 300)::int,
         ${manager.id}::uuid, 'kent', 'Convened and chaired by the Children’s Social Work Service.', ${agenda}::jsonb, ${manager.id}::uuid
  from (select id, row_number() over (order by created_at, id) as rn from incidents) g join incidents i on i.id = g.id
  where g.rn % 10 = 0
     or i.id in (select ic.incident_id from incident_children ic join children c on c.id = ic.child_id where c.allocated_worker_id = ${worker.id}::uuid)`.execute(
  db,
);
await sql`
  insert into meeting_children (meeting_id, child_id, role, responsible_authority_id, safety_plan)
  select m.id, ic.child_id, ic.role, 'kent', 'Synthetic safety plan' from meetings m join incident_children ic on ic.incident_id = m.incident_id`.execute(
  db,
);
await sql`
  insert into meeting_invitees (meeting_id, invitee_id, role_label, reason, clause, requirement_id, name, agency, attended, sort)
  select m.id, 'role-' || k, 'Synthetic role ' || k, 'Synthetic reason', 'kent §8', 'R-KEN-6', 'Person ' || k, 'Agency ' || k, true, k
  from meetings m cross join generate_series(1, 12) k`.execute(db);

// AIM assessments: one for every fifth child who displayed the behaviour (and every one of the
// measured worker's), in progress, with an outcome sheet and a report, led by the AIM practitioner
// with the allocated worker (or the manager), so the assessor access rule is in every visibility check.
const aimLead = await db
  .selectFrom('users')
  .select('id')
  .where('email', '=', demoEmail('kent', 'aim_practitioner'))
  .executeTakeFirstOrThrow();
const profile = Object.fromEntries(
  ['offence', 'developmental', 'family', 'environment'].map((d) => [
    d,
    {
      staticConcerns: 'Synthetic '.repeat(20),
      dynamicConcerns: 'Synthetic '.repeat(20),
      staticStrengths: 'Synthetic '.repeat(20),
      dynamicStrengths: 'Synthetic '.repeat(20),
    },
  ]),
);
const outcome = JSON.stringify({
  profile,
  mostConcern: ['offence'],
  supervision: 'medium',
  intervention: { youngPerson: 'Synthetic', family: 'Synthetic', environment: 'Synthetic' },
});
const report = JSON.stringify(
  Object.fromEntries(
    ['purpose', 'sources', 'interviews', 'referralBehaviour', 'presentation', 'summary'].map((k) => [
      k,
      'Synthetic report text. '.repeat(30),
    ]),
  ),
);
await sql`
  insert into assessments (authority_id, child_id, model, model_name, pack_version, clause, requirement_id, lead_assessor_id, co_assessor_id, mode, mode_reason, checks, stages, outcome, report, created_by)
  select 'kent', c.id, 'aim2', 'AIM2 assessment, led by NELFT', 'bench', 'kent §13', 'R-KEN-11', ${aimLead.id}::uuid, coalesce(c.allocated_worker_id, ${manager.id}::uuid), 'full', 'Synthetic',
         '{"appropriateAdult":"none","appropriateAdultReason":"","prosecutionLikely":false,"denies":false,"legalRepAgreed":null,"participates":true}'::jsonb,
         '{"1":"2026-01-05","2":"2026-02-05"}'::jsonb, ${outcome}::jsonb, ${report}::jsonb, ${aimLead.id}::uuid
  from (select c.id, c.allocated_worker_id, row_number() over (order by c.id) as rn from children c
        where exists (select 1 from incident_children ic where ic.child_id = c.id and ic.role = 'displayed')) c
  where c.rn % 5 = 0 or c.allocated_worker_id = ${worker.id}::uuid`.execute(db);

// Audit events, hash-chained like real ones, appended after the seed's own events.
const last = await db
  .selectFrom('audit_events')
  .select(['seq', 'hash'])
  .orderBy('seq', 'desc')
  .limit(1)
  .executeTakeFirst();
let prev = last?.hash ?? GENESIS_HASH;
let seq = last ? BigInt(last.seq) : 0n;
const started = Date.now() - AUDIT * 1000;
for (let done = 0; done < AUDIT;) {
  const batch = [];
  // 14 columns a row: 2,000 rows stay under the protocol's 65,535 parameters in one statement.
  for (let k = 0; k < 2000 && done < AUDIT; k += 1, done += 1) {
    seq += 1n;
    const e = {
      seq: seq.toString(),
      at: new Date(started + done * 1000),
      authorityId: 'kent',
      userId: creator.id,
      action: 'child.view',
      entityType: 'child',
      entityId: '',
      outcome: 'ok',
      ip: '127.0.0.1',
      requestId: `bench-${done}`,
      details: {},
    };
    const hash = eventHash(prev, e, benchKey);
    batch.push({
      seq: e.seq,
      at: e.at,
      authority_id: 'kent',
      user_id: creator.id,
      action: e.action,
      entity_type: 'child',
      entity_id: '',
      outcome: 'ok',
      ip: e.ip,
      request_id: e.requestId,
      details: '{}',
      prev_hash: prev,
      hash,
      chain: chainLabel(benchKey),
    });
    prev = hash;
  }
  await db.insertInto('audit_events').values(batch).execute();
}
await sql`
  update children c set latest_incident_at = x.latest
    from (select ic.child_id, max(i.occurred_at) as latest from incident_children ic join incidents i on i.id = ic.incident_id group by ic.child_id) x
   where x.child_id = c.id`.execute(db);
// Vacuumed as autovacuum would have done after a load this size, so that the visibility map lets
// PostgreSQL read an index without the table, as it does on a database in use.
await sql`vacuum analyze`.execute(db);
console.log(`Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${handle.kind}).`);

// What the measured pages are about: one of the worker's children, a meeting about them, and an
// assessment the worker is co-assessor of.
const child = await db
  .selectFrom('children')
  .select('id')
  .where('allocated_worker_id', '=', worker.id)
  .limit(1)
  .executeTakeFirstOrThrow();
const meeting = await db
  .selectFrom('meeting_children as mc')
  .select('mc.meeting_id')
  .where('mc.child_id', '=', child.id)
  .limit(1)
  .executeTakeFirstOrThrow();
const assessed = await db
  .selectFrom('assessments')
  .select('child_id')
  .where('co_assessor_id', '=', worker.id)
  .limit(1)
  .executeTakeFirstOrThrow();
const assessment = await db
  .selectFrom('assessments')
  .select('id')
  .where('child_id', '=', assessed.child_id)
  .executeTakeFirstOrThrow();
const counted = async (table: 'meetings' | 'assessments' | 'tasks') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const seeded = {
  kind: handle.kind,
  childId: child.id,
  meetingId: meeting.meeting_id,
  assessedChildId: assessed.child_id,
  assessmentId: assessment.id,
  meetings: await counted('meetings'),
  assessments: await counted('assessments'),
  tasks: await counted('tasks'),
};
await handle.close();
console.log(`BENCH_SEEDED ${JSON.stringify(seeded)}`);
