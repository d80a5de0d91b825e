// A child's family and network, and the alerts on their record (issue 15). Each person and alert
// is on one child's record (R-X-1: seen only by those who may see that child). On the record of a
// child harmed in an incident, the household and every address are sealed: shown only to those
// working on that child's own case (`family.household`). People and alerts are ended with a
// reason, never deleted; every view and change is audited and enters the chronology.
import { may } from '../domain/actions.ts';
import {
  type NetworkInput,
  type NetworkKind,
  NETWORK_KINDS,
  alertProblems,
  asksLivesWithChild,
  asksParentalResponsibility,
  endProblems,
  isHouseholdKind,
  networkProblems,
} from '../domain/family.ts';
import * as children from '../repositories/children.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';
import * as family from '../repositories/family.ts';
import { authorizeChild, subjectOf } from './access.ts';
import { auditView, auditedChange } from './audited-change.ts';
import { type Actor, ConflictError, type Db, NotFoundError, ValidationError, isUuid } from './context.ts';

export { NETWORK_KINDS, NETWORK_LIMITS, type NetworkInput } from '../domain/family.ts';

/** What the viewer may do on the family page, and whether the household is sealed from them. */
async function standing(
  db: Db,
  actor: Actor,
  childId: string,
  action: 'family.view' | 'family.change' | 'alert.add' | 'alert.end',
) {
  const { bases } = await authorizeChild(db, actor, childId, action);
  const child = await children.findChild(db, childId);
  if (!child) throw new NotFoundError();
  const subject = subjectOf(actor, bases);
  const harmed = await family.isChildHarmed(db, childId);
  return {
    child,
    harmed,
    /** The household and addresses are shown: the child was not harmed, or the viewer works on their own case. */
    seesHousehold: !harmed || may('family.household', subject).allowed,
    canChange: may('family.change', subject).allowed,
    canAddAlert: may('alert.add', subject).allowed,
    canEndAlert: may('alert.end', subject).allowed,
  };
}

/** A person as the viewer may see them: the household sealed, and every address, on a child harmed's record. */
function sealed(person: family.NetworkPerson, seesHousehold: boolean): family.NetworkPerson | null {
  if (seesHousehold) return person;
  if (isHouseholdKind(person.kind)) return null;
  return { ...person, address: '' };
}

/** A child's family and network page: the people around the child, and the alerts. */
export async function childFamily(db: Db, actor: Actor, childId: string) {
  const view = await standing(db, actor, childId, 'family.view');
  const all = await family.networkForChild(db, childId);
  const people = all.flatMap((person) => sealed(person, view.seesHousehold) ?? []);
  await auditView(db, actor, {
    action: 'family.view',
    entityType: 'child',
    entityId: childId,
    details: { sealed: !view.seesHousehold, shown: people.length },
  });
  return { ...view, people, hidden: all.length - people.length };
}

/** The form to add a person: the kinds the viewer may add (not the household of a child harmed they may not see). */
export async function familyForm(db: Db, actor: Actor, childId: string) {
  const view = await standing(db, actor, childId, 'family.change');
  await auditView(db, actor, {
    action: 'family.view',
    entityType: 'child',
    entityId: childId,
    details: { page: 'form' },
  });
  const kinds = (Object.keys(NETWORK_KINDS) as NetworkKind[]).filter(
    (kind) => view.seesHousehold || !isHouseholdKind(kind),
  );
  return { ...view, kinds };
}

function yesNo(answer: string, asked: boolean): boolean | null {
  return asked ? answer === 'yes' : null;
}

/** Adds a person to the child's family and network: refused first, then every problem at once. */
export async function addPerson(db: Db, actor: Actor, childId: string, input: NetworkInput): Promise<string> {
  const view = await standing(db, actor, childId, 'family.change');
  const problems = networkProblems(input);
  const kind = input.kind as NetworkKind;
  if (!problems.some((problem) => problem.field === 'kind') && isHouseholdKind(kind) && !view.seesHousehold)
    problems.unshift({
      field: 'kind',
      message: 'Only those working on this child’s own case can add to their household',
    });
  if (problems.length) throw new ValidationError(problems);
  const person = {
    childId,
    kind,
    name: input.name.trim(),
    relationship: input.relationship.trim(),
    organisation: input.organisation.trim(),
    phone: input.phone.trim(),
    email: input.email.trim(),
    address: input.address.trim(),
    parentalResponsibility: yesNo(input.parentalResponsibility, asksParentalResponsibility(kind)),
    livesWithChild: kind === 'household' ? true : yesNo(input.livesWithChild, asksLivesWithChild(kind)),
  };
  const event = (id: string) => ({
    action: 'family.change',
    entityType: 'family_member',
    entityId: id,
    details: { childId, kind, change: 'added' },
  });
  return auditedChange(db, actor, event, async (trx) => {
    const id = await family.insertPerson(trx, {
      ...person,
      authorityId: view.child.authorityId,
      addedBy: actor.user.id,
    });
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'family',
      // The chronology names who they are to the child, never their name or how to reach them.
      summary: `${NETWORK_KINDS[kind]} added to the family and network.`,
      incidentId: null,
    });
    await children.touchChildren(trx, [childId]);
    return id;
  });
}

/** A person on this child's record, as the viewer may see them (404 otherwise: the household sealed). */
export async function personOf(db: Db, actor: Actor, childId: string, personId: string) {
  const view = await standing(db, actor, childId, 'family.change');
  const person = isUuid(personId) ? await family.findPerson(db, personId) : undefined;
  if (!person || person.childId !== childId || !sealed(person, view.seesHousehold)) throw new NotFoundError();
  return { ...view, person };
}

/** The form to record that a person is no longer involved: the person, the view audited. */
export async function endPersonForm(db: Db, actor: Actor, childId: string, personId: string) {
  const view = await personOf(db, actor, childId, personId);
  await auditView(db, actor, {
    action: 'family.view',
    entityType: 'family_member',
    entityId: personId,
    details: { childId },
  });
  return view;
}

/** Records that a person is no longer involved, with the reason; they stay on the page, marked so. */
export async function endPerson(
  db: Db,
  actor: Actor,
  childId: string,
  personId: string,
  reason: string,
): Promise<void> {
  const { person } = await personOf(db, actor, childId, personId);
  const problems = endProblems(reason);
  if (problems.length) throw new ValidationError(problems);
  if (person.ended) throw new ConflictError(null, null, []);
  const event = () => ({
    action: 'family.change',
    entityType: 'family_member',
    entityId: personId,
    details: { childId, kind: person.kind, change: 'ended' },
  });
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await family.endPerson(trx, personId, actor.user.id, reason.trim()))) throw new ConflictError(null, null, []);
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'family',
      summary: `${NETWORK_KINDS[person.kind]} recorded as no longer involved.`,
      incidentId: null,
    });
  });
}

/** The form to add an alert. */
export async function alertForm(db: Db, actor: Actor, childId: string) {
  const view = await standing(db, actor, childId, 'alert.add');
  await auditView(db, actor, {
    action: 'family.view',
    entityType: 'child',
    entityId: childId,
    details: { page: 'alert' },
  });
  return view;
}

/** Adds an alert, shown at the top of every page of the child's record. */
export async function addAlert(db: Db, actor: Actor, childId: string, words: string): Promise<string> {
  const { child } = await standing(db, actor, childId, 'alert.add');
  const problems = alertProblems(words);
  if (problems.length) throw new ValidationError(problems);
  const event = (id: string) => ({ action: 'alert.add', entityType: 'alert', entityId: id, details: { childId } });
  return auditedChange(db, actor, event, async (trx) => {
    const id = await family.insertAlert(trx, {
      authorityId: child.authorityId,
      childId,
      words: words.trim(),
      addedBy: actor.user.id,
    });
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'alert',
      summary: `Alert added: ${words.trim().replace(/\s+/g, ' ').slice(0, 200)}`,
      incidentId: null,
    });
    await children.touchChildren(trx, [childId]);
    return id;
  });
}

/** An alert on this child's record that applies now (404 otherwise). */
export async function alertOf(db: Db, actor: Actor, childId: string, alertId: string) {
  const view = await standing(db, actor, childId, 'alert.end');
  const alert = isUuid(alertId) ? await family.findAlert(db, alertId) : undefined;
  if (!alert || alert.child_id !== childId) throw new NotFoundError();
  return { ...view, alert: { id: alert.id, words: alert.words, ended: alert.ended_at !== null } };
}

/** The form to end an alert: the alert, the view audited. */
export async function endAlertForm(db: Db, actor: Actor, childId: string, alertId: string) {
  const view = await alertOf(db, actor, childId, alertId);
  await auditView(db, actor, { action: 'family.view', entityType: 'alert', entityId: alertId, details: { childId } });
  return view;
}

/** Ends an alert with the reason; it leaves the top of the record's pages and stays in the chronology. */
export async function endAlert(db: Db, actor: Actor, childId: string, alertId: string, reason: string): Promise<void> {
  const { alert } = await alertOf(db, actor, childId, alertId);
  const problems = endProblems(reason);
  if (problems.length) throw new ValidationError(problems);
  if (alert.ended) throw new ConflictError(null, null, []);
  const event = () => ({ action: 'alert.end', entityType: 'alert', entityId: alertId, details: { childId } });
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await family.endAlert(trx, alertId, actor.user.id, reason.trim()))) throw new ConflictError(null, null, []);
    await addChronologyEntry(trx, {
      childId,
      occurredAt: new Date(),
      recordedBy: actor.user.id,
      kind: 'alert',
      summary: `Alert ended: ${alert.words.replace(/\s+/g, ' ').slice(0, 200)}. Reason: ${reason.trim().replace(/\s+/g, ' ').slice(0, 200)}`,
      incidentId: null,
    });
  });
}
