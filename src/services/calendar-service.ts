// The working-day calendar in force for an authority: England and Wales bank holidays plus the
// one-off holidays its administrator has added (R-X-3).
import { londonToday } from '../domain/age.ts';
import { WorkingDayCalendar } from '../domain/working-days.ts';
import { getPack } from '../procedures/index.ts';
import { listOneOffHolidays, type WorkingDaySettings, workingDaySettings } from '../repositories/settings.ts';
import type { Db } from './actor.ts';

export async function loadCalendar(db: Db, authorityId: string): Promise<WorkingDayCalendar> {
  const extra = await listOneOffHolidays(db, authorityId);
  return new WorkingDayCalendar(extra.map((holiday) => ({ date: holiday.date, name: holiday.name })));
}

/** Working days without recorded activity before an open case is flagged: the administrator's setting, else the pack's (R-THU-7). */
function daysOrDefault(authorityId: string, setting: number | null): number {
  return setting ?? getPack(authorityId)?.inactivityWorkingDays ?? 10;
}

/** The first day that counts as recent: activity before it makes an open case inactive. */
export async function inactivityCutoff(db: Db, authorityId: string): Promise<{ days: number; since: string }> {
  // The holidays and the setting in one statement (issue 13: statements per page).
  return inactivityCutoffFrom(authorityId, await workingDaySettings(db, authorityId));
}

/** The same cutoff from settings already read (the child's record reads them with the record, issue 13). */
export function inactivityCutoffFrom(
  authorityId: string,
  settings: WorkingDaySettings,
): { days: number; since: string } {
  const days = daysOrDefault(authorityId, settings.inactivityWorkingDays);
  return { days, since: new WorkingDayCalendar(settings.holidays).subtractWorkingDays(londonToday(), days) };
}
