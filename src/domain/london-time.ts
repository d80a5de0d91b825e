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

export function londonParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

function offsetMs(utc: number): number {
  const p = londonParts(new Date(utc));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(utc / 60_000) * 60_000;
}

/** The instant a London wall-clock time names (the earlier one when clocks go back). */
export function fromLondonLocal(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let t = asUtc - offsetMs(asUtc - 3_600_000);
  if (offsetMs(t) !== asUtc - t) t = asUtc - offsetMs(t);
  return new Date(t);
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
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return '';
  if (typeof d === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
    if (!m) return d;
    return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)));
  }
  return dateFormat.format(d);
}

/** '22 November 2026 at 2:05pm' (GOV.UK style) */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return '';
  const time = timeFormat.format(d).replace(/\s/g, '').toLowerCase();
  return `${dateFormat.format(d)} at ${time}`;
}

/** Text written before dates were stored in words: each ISO date in it reads '1 December 2026'. */
export function datesInWords(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?\b/g, (iso) => formatDate(iso));
}
