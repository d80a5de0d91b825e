// The audit log: append-only (the database refuses updates and deletes, and the application's
// role may only insert and read) and chained with a key the database does not hold.
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import {
  type AuditKey,
  type ChainProblem,
  type ChainedFields,
  type ChainState,
  type StoredEvent,
  GENESIS_HASH,
  chainLabel,
  eventHash,
  verifyChain,
} from '../domain/audit-chain.ts';
import type { AuditEventsTable, Database } from '../db/types.ts';
import type { AuditNames, AuditRefs, NamedRecord } from '../domain/audit-words.ts';
import { fromLondonLocal } from '../domain/london-time.ts';
import { type NamedChild, namedChild } from './children.ts';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

let chainKey: AuditKey | null = null;

/** The key new events are chained with: set once when the process starts (cli/main.ts, the tests). */
export function configureAuditKey(key: AuditKey): void {
  chainKey = key;
}

export function currentAuditKey(): AuditKey {
  if (!chainKey) throw new Error('The audit key is not configured: set AUDIT_KEY (see the README)');
  return chainKey;
}

/** The log's head row (migration 0020; raw SQL, as db/types.ts does not describe it): the newest event. */
interface AuditHead {
  seq: string;
  hash: string;
}

export interface NewAuditEvent {
  authorityId: string | null;
  userId: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  outcome: 'ok' | 'refused' | 'failed';
  ip?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one event, in two statements. Must run inside the transaction of the change it records,
 * so the event and the change commit or roll back together. The first statement locks the log's
 * head row (migration 0020) until that commit, which keeps the chain in commit order across
 * connections and processes: under READ COMMITTED a second appender waits for the row and is then
 * given its newest version, with the number and hash of the event committed before it. The second
 * inserts the event, and the insert's trigger moves the head on to it. The hash is made here: the
 * key never goes to the database.
 */
export async function appendAuditEvent(trx: Transaction<Database>, newEvent: NewAuditEvent): Promise<string> {
  const head = (await sql<AuditHead>`select seq, hash from audit_head where id = 1 for update`.execute(trx)).rows[0];
  if (!head) throw new Error('The audit log has no head row (audit_head): run the migrations');
  const seq = (BigInt(head.seq) + 1n).toString();
  const prevHash = head.hash;
  const at = new Date();
  const fields = {
    seq,
    at,
    authorityId: newEvent.authorityId,
    userId: newEvent.userId,
    action: newEvent.action,
    entityType: newEvent.entityType ?? '',
    entityId: newEvent.entityId ?? '',
    outcome: newEvent.outcome,
    ip: newEvent.ip ?? '',
    requestId: newEvent.requestId ?? '',
    details: newEvent.details ?? {},
  };
  const key = currentAuditKey();
  const hash = eventHash(prevHash, fields, key);
  await trx
    .insertInto('audit_events')
    .values({
      seq,
      at,
      authority_id: fields.authorityId,
      user_id: fields.userId,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      outcome: fields.outcome,
      ip: fields.ip,
      request_id: fields.requestId,
      details: JSON.stringify(fields.details),
      prev_hash: prevHash,
      hash,
      chain: chainLabel(key),
    })
    .execute();
  return seq;
}

export interface AuditSearch {
  authorityId: string;
  userId?: string | undefined;
  action?: string | undefined;
  entityId?: string | undefined;
  /** Events about the children of the authority so called: their records and everything recorded about them. */
  childName?: string | undefined;
  outcome?: string | undefined;
  /** Days in London, 'YYYY-MM-DD', both included. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** An event as the search lists it: the chained fields but the authority, with who did it and the hash. */
export interface AuditRow extends Omit<ChainedFields, 'authorityId' | 'details' | 'chain'> {
  userName: string | null;
  details: Record<string, unknown>;
  hash: string;
}

/** The one mapping of the columns of an event's row that the search and the chain walk both read. */
function eventFields(
  row: Pick<
    Selectable<AuditEventsTable>,
    | 'seq'
    | 'at'
    | 'user_id'
    | 'action'
    | 'entity_type'
    | 'entity_id'
    | 'outcome'
    | 'ip'
    | 'request_id'
    | 'details'
    | 'hash'
  >,
) {
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
    hash: row.hash,
  };
}

/** The newest event's number and hash, as the events say: what a checkpoint records. */
function newestEvent(db: Kysely<Database>) {
  return db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The start of a London day, as an instant. */
function londonMidnight(iso: string, plusDays = 0): Date {
  const [year, month, dayOfMonth] = iso.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(year, month - 1, dayOfMonth + plusDays));
  return fromLondonLocal(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 0, 0);
}

/** Each word of a typed name, as a LIKE pattern that takes it literally. */
function namePatterns(name: string): string[] {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
}

/** The ids of the authority's children whose names hold every word typed. */
function childrenCalled(authorityId: string, name: string) {
  const words = namePatterns(name);
  const match = words.length
    ? sql.join(
        words.map((pattern) => sql`(c.first_name || ' ' || c.other_names || ' ' || c.last_name) ilike ${pattern}`),
        sql` and `,
      )
    : sql`false`;
  return sql`select c.id from children c where c.authority_id = ${authorityId} and ${match}`;
}

/**
 * Every event about these children: their child records, and the records that belong to them
 * (incidents and meetings through the children linked to them; screenings, referrals, assessments,
 * tasks, panel referrals and decisions through their child), and events naming them in their details.
 */
function aboutChildren(kids: ReturnType<typeof childrenCalled>) {
  const own = (table: string) => sql`select r.id::text from ${sql.table(table)} r where r.child_id in (${kids})`;
  return sql<boolean>`(
    (a.entity_type = 'child' and a.entity_id in (select k.id::text from (${kids}) k))
    or (a.entity_type = 'incident' and a.entity_id in (select ic.incident_id::text from incident_children ic where ic.child_id in (${kids})))
    or (a.entity_type = 'meeting' and a.entity_id in (select mc.meeting_id::text from meeting_children mc where mc.child_id in (${kids})))
    or (a.entity_type = 'screening' and a.entity_id in (${own('screenings')}))
    or (a.entity_type = 'referral' and a.entity_id in (${own('referrals')}))
    or (a.entity_type = 'assessment' and a.entity_id in (${own('assessments')}))
    or (a.entity_type = 'task' and a.entity_id in (${own('tasks')}))
    or (a.entity_type = 'panel_referral' and a.entity_id in (${own('panel_referrals')}))
    or (a.entity_type = 'external_decision' and a.entity_id in (${own('external_decisions')}))
    or (a.details->>'childId') in (select k.id::text from (${kids}) k)
    or exists (select 1 from (${kids}) k where a.details->'children' @> to_jsonb(k.id::text) or a.details->'shown' @> to_jsonb(k.id::text))
  )`;
}

export async function searchAuditEvents(
  db: Kysely<Database>,
  search: AuditSearch,
): Promise<{ rows: AuditRow[]; total: number }> {
  let query = db
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .where('a.authority_id', '=', search.authorityId);
  if (search.userId) query = query.where('a.user_id', '=', search.userId);
  if (search.action) query = query.where('a.action', '=', search.action);
  if (search.entityId) query = query.where('a.entity_id', '=', search.entityId);
  if (search.childName?.trim())
    query = query.where(aboutChildren(childrenCalled(search.authorityId, search.childName)));
  if (search.outcome) query = query.where('a.outcome', '=', search.outcome);
  if (search.from) query = query.where('a.at', '>=', londonMidnight(search.from));
  if (search.to) query = query.where('a.at', '<', londonMidnight(search.to, 1));
  const totalRow = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'a.seq',
      'a.at',
      'a.user_id',
      'u.display_name',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.outcome',
      'a.ip',
      'a.request_id',
      'a.details',
      'a.hash',
    ])
    .orderBy('a.seq', 'desc')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return {
    total: Number(totalRow.n),
    rows: rows.map((row) => ({ ...eventFields(row), userName: row.display_name })),
  };
}

/** The authority's children whose names hold every word typed (at most `limit`), to say whom a search found. */
export async function childrenNamed(
  db: Kysely<Database>,
  authorityId: string,
  name: string,
  limit = 20,
): Promise<NamedChild[]> {
  if (!namePatterns(name).length) return [];
  const rows = await db
    .selectFrom('children')
    .select(['id', 'first_name', 'last_name', 'date_of_birth'])
    .where(sql<boolean>`id in (${childrenCalled(authorityId, name)})`)
    .orderBy('last_name')
    .orderBy('first_name')
    .limit(limit)
    .execute();
  return rows.map(namedChild);
}

/**
 * The names of the people and records a page of events points to, in a query per kind: children
 * (named only within the authority), users with their roles, teams, API tokens, and the records
 * with the children they are about.
 */
export async function auditNames(db: Kysely<Database>, authorityId: string, refs: AuditRefs): Promise<AuditNames> {
  const ids = (set: Set<string>) => [...set].filter(isUuid);
  const records = new Map<string, NamedRecord>();
  const childIds = new Set(ids(refs.children));
  const put = (id: string, record: NamedRecord) => {
    records.set(id, record);
    record.childIds.forEach((childId) => childIds.add(childId));
  };
  const recordRefs = refs.records;
  /** The rows of these ids, asked for only when there are any. */
  const byIds = async <Row>(list: string[], read: (some: string[]) => Promise<Row[]>): Promise<Row[]> =>
    list.length ? read(list) : [];
  const [incidents, meetings, screenings, referrals, assessments, tasks, panels, decisions] = await Promise.all([
    byIds(ids(recordRefs.incident), (some) =>
      db
        .selectFrom('incidents')
        .select(['id', 'status', 'occurred_at', 'created_at'])
        .where('id', 'in', some)
        .execute(),
    ),
    byIds(ids(recordRefs.meeting), (some) =>
      db
        .selectFrom('meetings')
        .select(['id', 'type_label', 'held_on', 'due_on', 'created_at'])
        .where('id', 'in', some)
        .execute(),
    ),
    byIds(ids(recordRefs.screening), (some) =>
      db
        .selectFrom('screenings as s')
        .leftJoin('incidents as i', 'i.id', 's.incident_id')
        .select(['s.id', 's.child_id', 'i.occurred_at'])
        .where('s.id', 'in', some)
        .execute(),
    ),
    byIds(ids(recordRefs.referral), (some) =>
      db.selectFrom('referrals').select(['id', 'child_id']).where('id', 'in', some).execute(),
    ),
    byIds(ids(recordRefs.assessment), (some) =>
      db.selectFrom('assessments').select(['id', 'child_id', 'model_name']).where('id', 'in', some).execute(),
    ),
    byIds(ids(recordRefs.task), (some) =>
      db.selectFrom('tasks').select(['id', 'child_id', 'title']).where('id', 'in', some).execute(),
    ),
    byIds(ids(recordRefs.panel_referral), (some) =>
      db.selectFrom('panel_referrals').select(['id', 'child_id']).where('id', 'in', some).execute(),
    ),
    byIds(ids(recordRefs.external_decision), (some) =>
      db
        .selectFrom('external_decisions')
        .select(['id', 'child_id', 'decision_label'])
        .where('id', 'in', some)
        .execute(),
    ),
  ]);
  const [incidentChildren, meetingChildren] = await Promise.all([
    byIds(
      incidents.map((i) => i.id),
      (some) =>
        db
          .selectFrom('incident_children')
          .select(['incident_id', 'child_id'])
          .where('incident_id', 'in', some)
          .orderBy('added_at')
          .execute(),
    ),
    byIds(
      meetings.map((meeting) => meeting.id),
      (some) =>
        db.selectFrom('meeting_children').select(['meeting_id', 'child_id']).where('meeting_id', 'in', some).execute(),
    ),
  ]);
  const kidsOf = <K extends string>(rows: readonly ({ child_id: string } & Record<K, string>)[], key: K, id: string) =>
    rows.filter((row) => row[key] === id).map((row) => row.child_id);
  for (const i of incidents)
    put(i.id, {
      type: 'incident',
      childIds: kidsOf(incidentChildren, 'incident_id', i.id),
      on: i.occurred_at,
      createdAt: i.created_at,
      draft: i.status === 'draft',
    });
  for (const meeting of meetings)
    put(meeting.id, {
      type: 'meeting',
      childIds: kidsOf(meetingChildren, 'meeting_id', meeting.id),
      label: meeting.type_label,
      on: meeting.held_on,
      dueOn: meeting.due_on,
      createdAt: meeting.created_at,
    });
  for (const screening of screenings)
    put(screening.id, { type: 'screening', childIds: [screening.child_id], on: screening.occurred_at });
  for (const referral of referrals) put(referral.id, { type: 'referral', childIds: [referral.child_id] });
  for (const assessment of assessments)
    put(assessment.id, { type: 'assessment', childIds: [assessment.child_id], label: assessment.model_name });
  for (const task of tasks) put(task.id, { type: 'task', childIds: [task.child_id], label: task.title });
  for (const panel of panels) put(panel.id, { type: 'panel_referral', childIds: [panel.child_id] });
  for (const decision of decisions)
    put(decision.id, { type: 'external_decision', childIds: [decision.child_id], label: decision.decision_label });

  const userIds = ids(refs.users);
  /** The names of the authority's teams or API tokens among these ids. */
  const namedIn = (table: 'teams' | 'api_tokens', set: Set<string>) =>
    byIds(ids(set), (some) =>
      db
        .selectFrom(table)
        .select(['id', 'name'])
        .where('authority_id', '=', authorityId)
        .where('id', 'in', some)
        .execute(),
    );
  const [children, users, teams, tokens, authorities, roles] = await Promise.all([
    byIds([...childIds], (some) =>
      db
        .selectFrom('children')
        .select(['id', 'authority_id', 'first_name', 'last_name'])
        .where('id', 'in', some)
        .execute(),
    ),
    byIds(userIds, (some) =>
      db.selectFrom('users').select(['id', 'authority_id', 'display_name']).where('id', 'in', some).execute(),
    ),
    namedIn('teams', refs.teams),
    namedIn('api_tokens', refs.apiTokens),
    db.selectFrom('authorities').select(['id', 'name']).execute(),
    byIds(userIds, (some) =>
      db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', some).orderBy('role').execute(),
    ),
  ]);
  const authorityNames = new Map(authorities.map((authority) => [authority.id, authority.name]));
  return {
    // A child or person of another authority is not named to this authority's auditor.
    children: new Map(
      children.map((child) => [
        child.id,
        {
          name: child.authority_id === authorityId ? `${child.first_name} ${child.last_name}` : '',
          ownAuthority: child.authority_id === authorityId,
        },
      ]),
    ),
    users: new Map(
      users.map((user) => [
        user.id,
        {
          name: user.authority_id === authorityId ? user.display_name : '',
          roles:
            user.authority_id === authorityId
              ? roles.filter((userRole) => userRole.user_id === user.id).map((userRole) => userRole.role)
              : [],
          ownAuthority: user.authority_id === authorityId,
          authorityName: authorityNames.get(user.authority_id) ?? 'another authority',
        },
      ]),
    ),
    teams: new Map(teams.map((team) => [team.id, team.name])),
    apiTokens: new Map(tokens.map((token) => [token.id, token.name])),
    records,
    authorities: authorityNames,
  };
}

export async function distinctAuditActions(db: Kysely<Database>, authorityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('action')
    .distinct()
    .where('authority_id', '=', authorityId)
    .orderBy('action')
    .execute();
  return rows.map((row) => row.action);
}

/**
 * How the log's head (the row appends lock and chain on) disagrees with the events, if it does:
 * missing; naming an event that is not there (the newest events deleted, or the head moved on);
 * behind the newest event; or with a hash that is not its event's (the event or the head changed).
 */
export type HeadProblem = 'missing' | 'past_end' | 'behind' | 'hash_mismatch';

/**
 * Checks the head against the events, after the chain was walked up to `newest`. The head is read
 * after the walk, and an event commits with the head's move to it, so while events are being added
 * the head may be past the walk's newest event but never behind it, and its event is always there.
 */
async function headProblem(
  db: Kysely<Database>,
  newest: { seq: string; hash: string } | null,
): Promise<{ head: AuditHead | null; problem: HeadProblem | null }> {
  const head = (await sql<AuditHead>`select seq, hash from audit_head where id = 1`.execute(db)).rows[0];
  if (!head) return { head: null, problem: 'missing' };
  const headSeq = BigInt(head.seq);
  const newestSeq = newest ? BigInt(newest.seq) : 0n;
  if (headSeq < newestSeq) return { head, problem: 'behind' };
  const stored =
    headSeq === 0n
      ? GENESIS_HASH
      : headSeq === newestSeq
        ? newest?.hash
        : (await hashesAt(db, [head.seq])).get(head.seq);
  if (stored === undefined) return { head, problem: 'past_end' };
  return { head, problem: stored === head.hash ? null : 'hash_mismatch' };
}

/**
 * Walks the whole chain in batches with the keys given (the current one and any earlier); returns
 * the problems found (none when intact), the newest event, the first event's hash, and whether the
 * head agrees with the events.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  keys: readonly AuditKey[] = chainKey ? [chainKey] : [],
  batchSize = 5000,
) {
  let before = GENESIS_HASH;
  let nextSeq = 1n;
  let checked = 0;
  let state: ChainState = { keyed: false, newestKey: Number.POSITIVE_INFINITY };
  let first: string | null = null;
  const problems: ChainProblem[] = [];
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', nextSeq.toString())
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    first ??= rows[0]!.hash;
    const events: StoredEvent[] = rows.map((row) => ({
      ...eventFields(row),
      authorityId: row.authority_id,
      prevHash: row.prev_hash,
      chain: row.chain,
    }));
    const result = verifyChain(events, before, nextSeq, keys, state);
    problems.push(...result.problems);
    before = result.lastHash;
    nextSeq = result.nextSeq;
    state = result.state;
    checked += rows.length;
  }
  const newest = checked ? { seq: (nextSeq - 1n).toString(), hash: before } : null;
  const head = await headProblem(db, newest);
  return {
    checked,
    problems,
    ok: problems.length === 0 && !head.problem,
    newest,
    first,
    head: head.head,
    headProblem: head.problem,
  };
}

/** The newest event and the chain's first: what a checkpoint records. */
export async function chainEnds(db: Kysely<Database>): Promise<{ seq: string; hash: string; first: string } | null> {
  const newest = await newestEvent(db);
  const first = await db.selectFrom('audit_events').select('hash').orderBy('seq', 'asc').limit(1).executeTakeFirst();
  return newest && first ? { seq: newest.seq, hash: newest.hash, first: first.hash } : null;
}

/** The stored hash of each of these events (absent when the event is not there). */
export async function hashesAt(db: Kysely<Database>, seqs: readonly string[]): Promise<Map<string, string>> {
  if (!seqs.length) return new Map();
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('seq', 'in', [...new Set(seqs)])
    .execute();
  return new Map(rows.map((row) => [row.seq, row.hash]));
}
