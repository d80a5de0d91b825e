// The child's record page reads the record in one statement (issue 13): its incidents, the other children's names,
// grants, screening decisions, tasks and the working-day settings are subqueries of the child's row. This counts
// every statement of one request through the app (sign-in session, access, the record, its audit event), so a read
// added back to the page fails here. The count does not depend on the database, so PGlite alone is measured.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemo } from '../../src/cli/demo-data.ts';
import { migrateToLatest, openDatabase } from '../../src/db/connection.ts';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident, screenKentHarmful } from '../helpers/cases.ts';
import type { TestDatabase } from '../helpers/db.ts';

/** The most statements one request for a child's record may run (14 before issue 13; 8 since). */
const MOST_STATEMENTS = 8;

describe('statements of a child’s record page', () => {
  let t: TestApp;
  let counting = false;
  let statements: string[] = [];
  before(async () => {
    const handle = await openDatabase({
      dataDir: 'memory://',
      log: (event) => {
        if (counting) statements.push(event.query.sql.replace(/\s+/g, ' ').slice(0, 100));
      },
    });
    await migrateToLatest(handle.db);
    await seedDemo(handle.db);
    const database: TestDatabase = {
      ...handle,
      label: 'PGlite',
      superuser: () => Promise.resolve({ ...handle, close: async () => {} }),
    };
    t = await startTestApp({}, database);
  });
  after(async () => t.close());

  /** The statements of one request for the record, after one to sign in and prepare them. */
  async function countRecordRequest(url: string, authority: string) {
    const client = await signedIn(t.app, authority, 'social_worker');
    assert.equal((await client.get(url)).statusCode, 200);
    statements = [];
    counting = true;
    const res = await client.get(url);
    counting = false;
    assert.equal(res.statusCode, 200);
    return statements;
  }

  it('stays within the limit, and a decision, its tasks and a grant add no statement', async () => {
    const { db } = t.database;
    const kent = await demoIncident(db, 'kent', 'Ellis');
    const url = paths.children.show(kent.childId);
    const plain = await countRecordRequest(url, 'kent');

    await screenKentHarmful(db, 'Ellis');
    const manager = await demoActor(db, 'kent', 'team-manager');
    const police = await demoActor(db, 'kent', 'police');
    await childService.grantAccess(db, manager, kent.childId, {
      userId: police.user.id,
      reason: 'Joint work',
      days: 7,
    });
    const full = await countRecordRequest(url, 'kent');

    console.log(`A child's record: ${full.length} statements\n${full.join('\n')}`);
    assert.ok(
      full.length <= MOST_STATEMENTS,
      `${full.length} statements, at most ${MOST_STATEMENTS}:\n${full.join('\n')}`,
    );
    assert.equal(full.length, plain.length, 'the record with decisions, tasks and a grant runs as many statements');
  });
});
