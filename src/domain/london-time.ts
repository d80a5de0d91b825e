// Times as people in England and Wales read and type them (Europe/London), stored as UTC.

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function londonParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

function offsetMs(utc: number): number {
  const parts = londonParts(new Date(utc));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - Math.floor(utc / 60_000) * 60_000;
}

/** The instant a London wall-clock time names (the earlier one when clocks go back). */
export function fromLondonLocal(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let instant = asUtc - offsetMs(asUtc - 3_600_000);
  if (offsetMs(instant) !== asUtc - instant) instant = asUtc - offsetMs(instant);
  return new Date(instant);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** '22 November 2026' */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return '';
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) return date;
    return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)));
  }
  return dateFormat.format(date);
}

/** '22 November 2026 at 2:05pm' (GOV.UK style) */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '';
  const time = timeFormat.format(date).replace(/\s/g, '').toLowerCase();
  return `${dateFormat.format(date)} at ${time}`;
}

/** Text written before dates were stored in words: each ISO date in it reads '1 December 2026'. */
export function datesInWords(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?\b/g, (iso) => formatDate(iso));
}
