// Administrator settings: one-off bank holidays (R-X-3), the inactivity threshold (R-THU-7) and
// API tokens scoped to the administrator's authority. Every change is audited.
import { createHash, randomBytes } from 'node:crypto';
import { londonToday, parseIsoDate } from '../domain/age.ts';
import { holidayProblems, inactivityProblems, tokenProblems } from '../domain/settings-rules.ts';
import { getPack } from '../procedures/index.ts';
import * as settings from '../repositories/settings.ts';
import { loadCalendar } from './calendar-service.ts';
import type { Actor, Db } from './actor.ts';
import { auditRefusal, auditedChange } from './audited-change.ts';
import { isUuid, requireRole } from './context.ts';
import { NotFoundError, ValidationError } from './errors.ts';

async function requireAdmin(db: Db, actor: Actor, action: string) {
  await requireRole(db, actor, ['administrator'], action);
}

/**
 * Removes a holiday or a token of the administrator's own authority: one not found there (another
 * authority's, or none) answers not found, audited; one gone by the time of the write, not found.
 */
async function removeOwn(
  db: Db,
  actor: Actor,
  target: { action: string; entityType: string; id: string },
  found: boolean,
  remove: (trx: Db) => Promise<boolean>,
): Promise<void> {
  if (!found) {
    await auditRefusal(db, actor, target.action, target.entityType, target.id.slice(0, 64), 'not_found');
    throw new NotFoundError();
  }
  const event = { action: target.action, entityType: target.entityType, entityId: target.id };
  await auditedChange(db, actor, event, async (trx) => {
    if (!(await remove(trx))) throw new NotFoundError();
  });
}

export async function workingDaysPage(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.working_days.view');
  const year = Number(londonToday().slice(0, 4));
  const calendar = await loadCalendar(db, actor.user.authorityId);
  return {
    years: [year, year + 1].map((calendarYear) => ({ year: calendarYear, holidays: calendar.holidays(calendarYear) })),
    oneOffs: await settings.listOneOffHolidays(db, actor.user.authorityId),
    inactivity: await settings.inactivitySetting(db, actor.user.authorityId),
    packDefault: getPack(actor.user.authorityId)?.inactivityWorkingDays ?? 10,
  };
}

export async function addOneOffHoliday(db: Db, actor: Actor, holiday: { date: string; name: string }) {
  await requireAdmin(db, actor, 'admin.holiday.add');
  // What the authority's calendar already calls the date, for a real date only.
  const bankHoliday = parseIsoDate(holiday.date)
    ? (await loadCalendar(db, actor.user.authorityId)).holidayName(holiday.date)
    : null;
  const problems = holidayProblems(holiday, { bankHoliday });
  if (problems.length) throw new ValidationError(problems);
  const name = holiday.name.trim();
  await auditedChange(
    db,
    actor,
    {
      action: 'admin.holiday.add',
      entityType: 'holiday',
      entityId: holiday.date,
      details: { name },
    },
    async (trx) => {
      await settings.insertOneOffHoliday(trx, {
        authorityId: actor.user.authorityId,
        date: holiday.date,
        name,
        addedBy: actor.user.id,
      });
    },
  );
}

export async function removeOneOffHoliday(db: Db, actor: Actor, date: string) {
  await requireAdmin(db, actor, 'admin.holiday.remove');
  // Only the administrator's own authority's holidays (R-X-3): another's answers not found, audited.
  const found =
    parseIsoDate(date) !== null &&
    (await settings.listOneOffHolidays(db, actor.user.authorityId)).some((holiday) => holiday.date === date);
  await removeOwn(db, actor, { action: 'admin.holiday.remove', entityType: 'holiday', id: date }, found, (trx) =>
    settings.deleteOneOffHoliday(trx, actor.user.authorityId, date),
  );
}

export async function setInactivity(db: Db, actor: Actor, value: string) {
  await requireAdmin(db, actor, 'admin.inactivity.set');
  const problems = inactivityProblems(value);
  if (problems.length) throw new ValidationError(problems);
  const days = value.trim() ? Number(value) : null;
  await auditedChange(
    db,
    actor,
    {
      action: 'admin.inactivity.set',
      entityType: 'authority',
      entityId: actor.user.authorityId,
      details: { days },
    },
    async (trx) => {
      await settings.setInactivitySetting(trx, actor.user.authorityId, days);
    },
  );
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function listTokens(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.api_tokens.view');
  return settings.listApiTokens(db, actor.user.authorityId);
}

/** Issues a token; the secret is returned once and only its hash is kept. */
export async function issueToken(
  db: Db,
  actor: Actor,
  input: { name: string; days: string },
): Promise<{ token: string; id: string }> {
  await requireAdmin(db, actor, 'admin.api_token.issue');
  const problems = tokenProblems(input);
  if (problems.length) throw new ValidationError(problems);
  const name = input.name.trim();
  const token = `hsbp_${randomBytes(32).toString('base64url')}`;
  const id = await auditedChange(
    db,
    actor,
    (tokenId: string) => ({
      action: 'admin.api_token.issue',
      entityType: 'api_token',
      entityId: tokenId,
      details: { name, days: Number(input.days) },
    }),
    async (trx) => {
      const tokenId = await settings.insertApiToken(trx, {
        authorityId: actor.user.authorityId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        createdBy: actor.user.id,
        expiresAt: new Date(Date.now() + Number(input.days) * 86_400_000),
      });
      return tokenId;
    },
  );
  return { token, id };
}

export async function revokeToken(db: Db, actor: Actor, id: string) {
  await requireAdmin(db, actor, 'admin.api_token.revoke');
  const found =
    isUuid(id) && (await settings.listApiTokens(db, actor.user.authorityId)).some((token) => token.id === id);
  await removeOwn(db, actor, { action: 'admin.api_token.revoke', entityType: 'api_token', id }, found, (trx) =>
    settings.revokeApiToken(trx, actor.user.authorityId, id),
  );
}
