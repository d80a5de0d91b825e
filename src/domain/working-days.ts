// Working days in England and Wales (R-X-3): Monday to Friday, less bank holidays, including
// substitute days and one-off holidays. Dates are 'YYYY-MM-DD' strings throughout: a deadline is a
// calendar date, never an instant, so no time zone enters the arithmetic.
//
// The bank holidays come from date-holidays (works offline; checked against the published lists
// for 2024-2028 in test/unit/working-days.test.ts). One-off holidays an administrator adds (a
// state funeral, a coronation announced after our release) are passed in as `extra`.
import Holidays from 'date-holidays';
import { parseIsoDate } from './age.ts';

export interface BankHoliday {
  date: string;
  name: string;
  /** 'standard' from the published rules, 'one-off' added by an administrator. */
  source: 'standard' | 'one-off';
}

const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, BankHoliday[]>();

/** The standard England and Wales bank holidays of a year that fall on weekdays, in date order. */
export function standardBankHolidays(year: number): BankHoliday[] {
  let list = byYear.get(year);
  if (!list) {
    list = englandAndWales
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
      .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name, source: 'standard' as const }))
      .filter((holiday) => !isWeekend(holiday.date))
      .sort((earlier, later) => earlier.date.localeCompare(later.date));
    byYear.set(year, list);
  }
  return list;
}

function dayNumber(date: string): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Invalid date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000;
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Day 0 (1 January 1970) was a Thursday: Saturday and Sunday are 2 and 3 days after it, modulo 7. */
function isWeekendDay(day: number): boolean {
  const fromThursday = ((day % 7) + 7) % 7;
  return fromThursday === 2 || fromThursday === 3;
}

export function isWeekend(date: string): boolean {
  return isWeekendDay(dayNumber(date));
}

// The working-day arithmetic counts in day numbers: a deadline 20 working days away looks at about
// 28 days, and each is a number test rather than a date parsed from text (issue 13: evaluations).
const standardHolidayNames = new Map<number, string>();
const yearsLoaded = new Set<number>();

function standardHolidayOn(day: number): string | undefined {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  if (!yearsLoaded.has(year)) {
    for (const holiday of standardBankHolidays(year)) standardHolidayNames.set(dayNumber(holiday.date), holiday.name);
    yearsLoaded.add(year);
  }
  return standardHolidayNames.get(day);
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** A calendar: the standard holidays plus any one-off dates an administrator added. */
export class WorkingDayCalendar {
  private readonly extra: Map<string, string>;
  private readonly extraDays: Map<number, string>;

  constructor(extra: readonly { date: string; name: string }[] = []) {
    this.extra = new Map(extra.map((holiday) => [holiday.date, holiday.name]));
    this.extraDays = new Map(extra.map((holiday) => [dayNumber(holiday.date), holiday.name]));
  }

  holidayName(date: string): string | null {
    return this.holidayOn(dayNumber(date)) ?? null;
  }

  private holidayOn(day: number): string | undefined {
    return this.extraDays.get(day) ?? standardHolidayOn(day);
  }

  private isWorkingDayNumber(day: number): boolean {
    return !isWeekendDay(day) && this.holidayOn(day) === undefined;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /** Holidays (standard and one-off) on weekdays in a year. */
  holidays(year: number): BankHoliday[] {
    const list: BankHoliday[] = [...standardBankHolidays(year)];
    for (const [date, name] of this.extra) {
      if (date.startsWith(`${year}-`) && !list.some((holiday) => holiday.date === date))
        list.push({ date, name, source: 'one-off' });
    }
    return list.sort((earlier, later) => earlier.date.localeCompare(later.date));
  }

  /**
   * The date `workingDays` working days after `from` (workingDays >= 0). Day 0 is `from` itself, whatever it is:
   * "within 3 working days" of a Thursday decision is the following Tuesday. With workingDays = 0 the
   * deadline is the same day.
   */
  addWorkingDays(from: string, workingDays: number): string {
    if (!Number.isInteger(workingDays) || workingDays < 0)
      throw new RangeError(`Working days must be a whole number of 0 or more: ${workingDays}`);
    let day = dayNumber(from);
    let left = workingDays;
    while (left > 0) {
      day += 1;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** The date `workingDays` working days before `to` (the inverse of addWorkingDays on working days). */
  subtractWorkingDays(to: string, workingDays: number): string {
    if (!Number.isInteger(workingDays) || workingDays < 0)
      throw new RangeError(`Working days must be a whole number of 0 or more: ${workingDays}`);
    let day = dayNumber(to);
    let left = workingDays;
    while (left > 0) {
      day -= 1;
      if (this.isWorkingDayNumber(day)) left -= 1;
    }
    return fromDayNumber(day);
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = dayNumber(from) + 1, last = dayNumber(to); day <= last; day++)
      if (this.isWorkingDayNumber(day)) count++;
    return count;
  }
}
