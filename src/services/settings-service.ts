// Administrator settings: one-off bank holidays (R-X-3), the inactivity threshold (R-THU-7) and
// API tokens scoped to the administrator's authority. Every change is audited.
import { createHash, randomBytes } from 'node:crypto';
import { londonToday, parseIsoDate } from '../domain/age.ts';
import { isWeekend } from '../domain/working-days.ts';
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

export async function workingDaysPage(db: Db, actor: Actor) {
  await requireAdmin(db, actor, 'admin.working_days.view');
  const year = Number(londonToday().slice(0, 4));
  const calendar = await loadCalendar(db, actor.user.authorityId);
  return {
    years: [year, year + 1].map((y) => ({ year: y, holidays: calendar.holidays(y) })),
    oneOffs: await settings.listOneOffHolidays(db, actor.user.authorityId),
    inactivity: await settings.inactivitySetting(db, actor.user.authorityId),
    packDefault: getPack(actor.user.authorityId)?.inactivityWorkingDays ?? 10,
  };
}

export async function addOneOffHoliday(db: Db, actor: Actor, holiday: { date: string; name: string }) {
  await requireAdmin(db, actor, 'admin.holiday.add');
  const errors: { field: string; message: string }[] = [];
  const name = holiday.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Enter the name of the holiday' });
  else if (name.length > 100) errors.push({ field: 'name', message: 'Name must be 100 characters or fewer' });
  if (parseIsoDate(holiday.date)) {
    const calendar = await loadCalendar(db, actor.user.authorityId);
    if (isWeekend(holiday.date)) errors.push({ field: 'date', message: 'Date of the holiday must be a weekday' });
    else if (calendar.holidayName(holiday.date))
      errors.push({
        field: 'date',
        message: `Date of the holiday is already a bank holiday (${calendar.holidayName(holiday.date)})`,
      });
  }
  if (errors.length) throw new ValidationError(errors);
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
  if (
    !parseIsoDate(date) ||
    !(await settings.listOneOffHolidays(db, actor.user.authorityId)).some((holiday) => holiday.date === date)
  ) {
    await auditRefusal(db, actor, 'admin.holiday.remove', 'holiday', date.slice(0, 64), 'not_found');
    throw new NotFoundError();
  }
  await auditedChange(
    db,
    actor,
    { action: 'admin.holiday.remove', entityType: 'holiday', entityId: date },
    async (trx) => {
      if (!(await settings.deleteOneOffHoliday(trx, actor.user.authorityId, date))) throw new NotFoundError();
    },
  );
}

export async function setInactivity(db: Db, actor: Actor, value: string) {
  await requireAdmin(db, actor, 'admin.inactivity.set');
  const trimmed = value.trim();
  let days: number | null = null;
  if (trimmed) {
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > 60) {
      throw new ValidationError([
        { field: 'inactivityDays', message: 'Working days must be a whole number between 1 and 60' },
      ]);
    }
    days = Number(trimmed);
  }
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
  const errors: { field: string; message: string }[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Enter what the token is for' });
  else if (name.length > 100)
    errors.push({ field: 'name', message: 'What the token is for must be 100 characters or fewer' });
  if (!/^\d+$/.test(input.days.trim()) || Number(input.days) < 1 || Number(input.days) > 365) {
    errors.push({ field: 'days', message: 'Days the token lasts must be a whole number between 1 and 365' });
  }
  if (errors.length) throw new ValidationError(errors);
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
  if (!isUuid(id) || !(await settings.listApiTokens(db, actor.user.authorityId)).some((token) => token.id === id)) {
    await auditRefusal(db, actor, 'admin.api_token.revoke', 'api_token', id.slice(0, 64), 'not_found');
    throw new NotFoundError();
  }
  await auditedChange(
    db,
    actor,
    { action: 'admin.api_token.revoke', entityType: 'api_token', entityId: id },
    async (trx) => {
      if (!(await settings.revokeApiToken(trx, actor.user.authorityId, id))) throw new NotFoundError();
    },
  );
}
