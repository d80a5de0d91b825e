// An authority's working-day settings come in one statement (issue 13): its one-off holidays in
// date order and its inactivity setting (R-X-3, R-THU-7), on each database.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { insertOneOffHoliday, setInactivitySetting, workingDaySettings } from '../../src/repositories/settings.ts';
import { inactivityCutoff } from '../../src/services/calendar-service.ts';
import { londonToday } from '../../src/domain/age.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { describeOnEachDatabase } from '../helpers/db.ts';

describeOnEachDatabase('working-day settings (R-X-3, R-THU-7)', (database) => {
  it('gives the pack’s inactivity threshold and no holidays until an administrator sets them', async () => {
    const { db } = database();
    assert.deepEqual(await workingDaySettings(db, 'thurrock'), { holidays: [], inactivityWorkingDays: null });
    const cutoff = await inactivityCutoff(db, 'thurrock');
    assert.equal(cutoff.since, new WorkingDayCalendar().subtractWorkingDays(londonToday(), cutoff.days));
  });

  it('gives the one-off holidays in date order and the setting, and counts the cutoff over them', async () => {
    const { db } = database();
    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@kent.example')
      .executeTakeFirstOrThrow();
    // Two of the last working days become holidays: the cutoff goes back two working days further.
    const plain = new WorkingDayCalendar();
    const later = plain.subtractWorkingDays(londonToday(), 1);
    const earlier = plain.subtractWorkingDays(londonToday(), 3);
    for (const [date, name] of [
      [later, 'A later day'],
      [earlier, 'An earlier day'],
    ] as const)
      await insertOneOffHoliday(db, { authorityId: 'kent', date, name, addedBy: admin.id });
    await setInactivitySetting(db, 'kent', 7);
    const holidays = [
      { date: earlier, name: 'An earlier day' },
      { date: later, name: 'A later day' },
    ];
    assert.deepEqual(await workingDaySettings(db, 'kent'), { holidays, inactivityWorkingDays: 7 });
    const cutoff = await inactivityCutoff(db, 'kent');
    assert.equal(cutoff.days, 7);
    assert.equal(cutoff.since, plain.subtractWorkingDays(londonToday(), 9));
    assert.equal(cutoff.since, new WorkingDayCalendar(holidays).subtractWorkingDays(londonToday(), 7));
  });
});
