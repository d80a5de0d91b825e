// Ages in whole years on a given date, from dates as 'YYYY-MM-DD' (no time zones involved).

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(value: string): IsoDateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Completed years of age on `on`. A child born on 29 February has a birthday on 1 March in common years. */
export function ageOn(dateOfBirth: string, on: string): number {
  const b = parseIsoDate(dateOfBirth);
  const o = parseIsoDate(on);
  if (!b || !o) throw new RangeError(`Invalid date: ${!b ? dateOfBirth : on}`);
  let age = o.year - b.year;
  const birthdayPassed = o.month > b.month || (o.month === b.month && o.day >= b.day);
  if (!birthdayPassed) age -= 1;
  return age;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today's date in England (Europe/London), as 'YYYY-MM-DD'. */
export function londonToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** The same day n months later (the month's last day when it is shorter), as 'YYYY-MM-DD'. */
export function addMonths(date: string, months: number): string {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`Invalid date: ${date}`);
  const total = p.month - 1 + months;
  const year = p.year + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(p.day, last)).padStart(2, '0')}`;
}
