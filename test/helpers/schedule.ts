// A meeting's schedule for tests (issue 15): a week ahead, 10:30am to midday, in a room, as the
// arrange form posts it and as the meeting service takes it.
import { londonToday } from '../../src/domain/age.ts';
import type { Page } from 'playwright-core';
import type { ScheduleInput } from '../../src/domain/meeting-schedule.ts';

/** 'YYYY-MM-DD', this many days from today in London. */
export function daysAhead(days: number): string {
  return new Date(Date.parse(`${londonToday()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function scheduleInput(on = daysAhead(7), place = 'Room 2, Civic Centre'): ScheduleInput {
  const [year, month, day] = on.split('-') as [string, string, string];
  return { meetsOn: { day, month, year }, startTime: '10:30am', endTime: 'midday', place, videoLink: '' };
}

/** The arrange (or move) form's schedule fields. */
export function scheduleForm(on = daysAhead(7), place = 'Room 2, Civic Centre'): Record<string, string> {
  const input = scheduleInput(on, place);
  return {
    'meetsOn-day': input.meetsOn.day,
    'meetsOn-month': input.meetsOn.month,
    'meetsOn-year': input.meetsOn.year,
    startTime: input.startTime,
    endTime: input.endTime,
    place: input.place,
    videoLink: input.videoLink,
  };
}

/** What the meeting service's arrange takes beyond the children, chair and invitees. */
export function arrangeExtras() {
  return { schedule: scheduleInput(), inviteUserIds: [] as string[], guests: [] };
}

/** In the browser, on the arrange or move form: the day, 10:30am to midday (or the times given), and the place. */
export async function fillSchedule(
  page: Page,
  on: string,
  place: string,
  times: { start: string; end: string } = { start: '10:30am', end: 'midday' },
): Promise<void> {
  const [year, month, day] = on.split('-') as [string, string, string];
  await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await page.getByLabel('Month', { exact: true }).fill(String(Number(month)));
  await page.getByLabel('Year', { exact: true }).fill(year);
  await page.getByLabel('Start time', { exact: true }).fill(times.start);
  await page.getByLabel('End time', { exact: true }).fill(times.end);
  await page.getByLabel('Place', { exact: true }).fill(place);
}
