// A meeting's schedule for tests (issue 15): a week ahead, 10:30am to midday, in a room, as the
// arrange form posts it and as the meeting service takes it.
import { londonToday } from '../../src/domain/age.ts';
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
