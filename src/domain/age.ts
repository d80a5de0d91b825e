// Ages in whole years on a given date, from dates as 'YYYY-MM-DD' (no time zones involved).

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(value: string): IsoDateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Completed years of age on `on`. A child born on 29 February has a birthday on 1 March in common years. */
export function ageOn(dateOfBirth: string, on: string): number {
  const birth = parseIsoDate(dateOfBirth);
  const onDate = parseIsoDate(on);
  if (!birth || !onDate) throw new RangeError(`Invalid date: ${!birth ? dateOfBirth : on}`);
  let age = onDate.year - birth.year;
  const birthdayPassed = onDate.month > birth.month || (onDate.month === birth.month && onDate.day >= birth.day);
  if (!birthdayPassed) age -= 1;
  return age;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today's date in England (Europe/London), as 'YYYY-MM-DD'. */
export function londonToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** The same day n months later (the month's last day when it is shorter), as 'YYYY-MM-DD'. */
export function addMonths(date: string, months: number): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Invalid date: ${date}`);
  const total = parts.month - 1 + months;
  const year = parts.year + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(parts.day, last)).padStart(2, '0')}`;
}
