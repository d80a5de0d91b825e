// Ages in whole years on a given date, from dates as 'YYYY-MM-DD' (no time zones involved).

export interface IsoDateParts {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(value: string): IsoDateParts | null {
  // By character codes rather than a regular expression and a Date: ages and deadlines parse
  // dates in their inner loops (issue 13). Years before 100 are refused, as Date.UTC would read
  // them as 1900 onwards.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The number written in value[from, to), or -1 unless every character is a digit 0-9. */
function digits(value: string, from: number, to: number): number {
  let parsed = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    parsed = parsed * 10 + digit;
  }
  return parsed;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

export function londonToday(now: Date = new Date()): string {
  return londonDate.format(now);
}

/** The same day n months later (the month's last day when it is shorter), as 'YYYY-MM-DD'. */
export function addMonths(date: string, months: number): string {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Invalid date: ${date}`);
  const total = parts.month - 1 + months;
  const year = parts.year + Math.floor(total / 12);
  const month = (((total % 12) + 12) % 12) + 1;
  const last = daysInMonth(year, month);
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(parts.day, last)).padStart(2, '0')}`;
}
