// The working-day calendar in force for an authority: England and Wales bank holidays plus the
// one-off holidays its administrator has added (R-X-3).
import { londonToday } from '../domain/age.ts';
import { WorkingDayCalendar } from '../domain/working-days.ts';
import { getPack } from '../procedures/index.ts';
import { inactivitySetting, listOneOffHolidays } from '../repositories/settings.ts';
import type { Db } from './actor.ts';

export async function loadCalendar(db: Db, authorityId: string): Promise<WorkingDayCalendar> {
  const extra = await listOneOffHolidays(db, authorityId);
  return new WorkingDayCalendar(extra.map((holiday) => ({ date: holiday.date, name: holiday.name })));
}

/** Working days without recorded activity before an open case is flagged: the administrator's setting, else the pack's (R-THU-7). */
export async function inactivityDays(db: Db, authorityId: string): Promise<number> {
  return (await inactivitySetting(db, authorityId)) ?? getPack(authorityId)?.inactivityWorkingDays ?? 10;
}

/** The first day that counts as recent: activity before it makes an open case inactive. */
export async function inactivityCutoff(
  db: Db,
  authorityId: string,
  calendar?: WorkingDayCalendar,
): Promise<{ days: number; since: string }> {
  const days = await inactivityDays(db, authorityId);
  const cal = calendar ?? (await loadCalendar(db, authorityId));
  return { days, since: cal.subtractWorkingDays(londonToday(), days) };
}
