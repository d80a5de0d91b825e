// Two people change the same record: the second save is refused (409) with who saved it first,
// and the form comes back with what the second person typed, against the current version, so
// nothing typed is lost (ADR 0012; the child's details and an administrator's user form).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paths } from '../../src/web/paths.ts';
import { type Client, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** What a browser would post back from the page's first form after the CSRF token: text, hidden, checked and selected values. */
function formValues(html: string): Record<string, string | string[]> {
  const form = /<form[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html.slice(html.indexOf('<main')))?.[1] ?? '';
  const values: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const had = values[name];
    values[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  };
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (!name || name === '_csrf') continue;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'radio' || type === 'checkbox') && !/\schecked/.test(tag)) continue;
    add(name, (attr(tag, 'value') ?? '').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
  }
  for (const [, open, body] of form.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(open!, 'name');
    const chosen = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(body!)?.[1];
    if (name) add(name, chosen ?? '');
  }
  for (const [, open, body] of form.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open!, 'name');
    if (name) add(name, body!.trim());
  }
  return values;
}

describe('saving over someone else’s change', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('the child’s details: refused with who saved first, and what was typed kept', async () => {
    const inc = await demoIncident(t.database.db, 'kent', 'Toby');
    const first: Client = await signedIn(t.app, 'kent', 'team-manager');
    const second: Client = await signedIn(t.app, 'kent', 'social-worker');
    const opened = formValues((await second.get(paths.children.edit(inc.childId))).body);
    assert.ok(opened['version'], 'the form carries the version it was opened at');

    const firstForm = formValues((await first.get(paths.children.edit(inc.childId))).body);
    const saved = await first.post(paths.children.edit(inc.childId), { ...firstForm, otherNames: 'Tobes' });
    assert.equal(saved.statusCode, 303);

    const refused = await second.post(paths.children.edit(inc.childId), { ...opened, otherNames: 'Tobias typed this' });
    assert.equal(refused.statusCode, 409);
    const page = text(refused.body);
    assert.match(page, /Kent team manager saved this record on \d{1,2} [A-Z][a-z]+ \d{4}/);
    assert.match(page, /Your changes have not been saved/);
    assert.match(refused.body, /value="Tobias typed this"/);
    const again = formValues(refused.body);
    assert.notEqual(again['version'], opened['version'], 'offered again against the current version');

    // Saved again from that page, the change goes through.
    const retried = await second.post(paths.children.edit(inc.childId), again);
    assert.equal(retried.statusCode, 303);
    assert.match(text((await second.get(paths.children.show(inc.childId))).body), /Tobias typed this/);
  });

  it('an administrator’s user form: refused with the change kept', async () => {
    const admin1 = await signedIn(t.app, 'kent', 'admin');
    const admin2 = await signedIn(t.app, 'kent', 'admin');
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'police@kent.example')
      .executeTakeFirstOrThrow();
    const opened = formValues((await admin2.get(paths.admin.user(user.id))).body);
    const firstForm = formValues((await admin1.get(paths.admin.user(user.id))).body);
    const saved = await admin1.post(paths.admin.user(user.id), { ...firstForm, jobTitle: 'Detective constable' });
    assert.equal(saved.statusCode, 303);
    const refused = await admin2.post(paths.admin.user(user.id), { ...opened, jobTitle: 'Typed by the second' });
    assert.equal(refused.statusCode, 409);
    assert.match(text(refused.body), /Your changes have not been saved/);
    assert.match(refused.body, /value="Typed by the second"/);
  });
});
