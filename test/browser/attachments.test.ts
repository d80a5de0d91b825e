// In Chromium, for each of the five packs: from the child's record to their documents; the
// allocated worker sends the upload form empty (every error at once), then a text file named .pdf
// (refused by its content), then a real PDF, which is listed and downloads with the same bytes
// (issue 15, attachments; R-X-1); then removes it as uploaded in error, first without a reason (the
// error), then with one: it is listed as removed, with no download link. Three packs run with JavaScript and axe on every page; two with
// JavaScript switched off (the plain multipart form). And the pages do not scroll sideways at 375
// CSS pixels.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoPdf, seedDemoDocuments } from '../../src/cli/demo-data.ts';
import { paths } from '../../src/web/paths.ts';
import {
  type BrowserRig,
  expectAccessible,
  inEveryAuthority,
  signInAs,
  signOut,
  startBrowserRig,
  stopBrowserRig,
} from '../helpers/browser.ts';
import { demoIncident } from '../helpers/cases.ts';

let rig: BrowserRig | undefined;
let base = '';

before(async () => {
  rig = await startBrowserRig();
  base = rig.base;
});

after(() => stopBrowserRig(rig));

const fileInput = (page: Page) => page.locator('input[type="file"][name="file"]');

async function journey(page: Page, authority: string, check: (label: string) => Promise<void>) {
  const { childId } = await demoIncident(rig!.t.database.db, authority, 'Ellis');
  const pdf = demoPdf(['Police summary made in the browser test']);

  await signInAs(page, base, authority, 'social-worker');
  await page.goto(`${base}${paths.children.show(childId)}`);
  await page.getByRole('link', { name: 'Documents', exact: true }).click();
  await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();
  await check('the child’s documents');
  await page.getByRole('button', { name: 'Upload a document' }).click();
  await page.getByRole('heading', { name: 'Upload a document' }).waitFor();
  await check('the upload form');

  await page.getByRole('button', { name: 'Upload the document' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
    'Enter a title for the document',
    'Select what kind of document this is',
    'Select a file',
  ]);
  await check('the upload form with its errors');

  await page.getByLabel('Title', { exact: true }).fill('Police summary of the interview');
  await page.getByLabel('Police summary', { exact: true }).check();
  await fileInput(page).setInputFiles({
    name: 'summary.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('Only text, whatever the name says.\n'),
  });
  await page.getByRole('button', { name: 'Upload the document' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
    'The selected file must be a PDF, JPG, PNG or Word document',
  ]);
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Police summary of the interview');

  await fileInput(page).setInputFiles({ name: 'police-summary.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload the document' }).click();
  await page.getByText('Document uploaded').waitFor();
  const item = page.locator('.app-documents__item').first();
  assert.match(await item.innerText(), /Police summary · PDF, 1 KB · police-summary\.pdf/);
  await check('the documents with the one uploaded');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('link', { name: /^Police summary of the interview/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'police-summary.pdf');
  const saved = await download.path();
  assert.ok((await readFile(saved)).equals(pdf), 'the file downloaded is the file uploaded');

  // Uploaded in error: removed, with the reason.
  await item.getByRole('link', { name: /Remove Police summary of the interview/ }).click();
  await page.getByRole('heading', { name: 'Remove a document uploaded in error' }).waitFor();
  await page.getByText('The file’s content will be erased').waitFor();
  await check('the page to remove a document');
  await page.getByRole('button', { name: 'Remove the document' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.deepEqual(await page.locator('.govuk-error-summary__list a').allTextContents(), [
    'Enter why the document is being removed',
  ]);
  await check('the page to remove a document with its error');
  await page.getByLabel('Why are you removing this document?').fill('Uploaded to the wrong child’s record');
  await page.getByRole('button', { name: 'Remove the document' }).click();
  await page.getByText('Document removed', { exact: true }).waitFor();
  const removed = page.locator('.app-documents__item').first();
  const listed = await removed.innerText();
  assert.match(listed, /Police summary of the interview\s+Removed/);
  assert.match(listed, /Why: Uploaded to the wrong child’s record/);
  assert.equal(await removed.getByRole('link').count(), 0, 'no download or removal link for a removed document');
  await check('the documents with one removed');
  await signOut(page);
}

describe('documents in Chromium, from the child’s record to a download (issue 15)', () => {
  inEveryAuthority(() => rig!, journey, {
    withAxe: ['kent', 'north-east-lincolnshire', 'islington'],
    withoutJavaScript: ['thurrock', 'north-yorkshire'],
  });
});

describe('the documents pages on a phone-sized screen (375 CSS pixels)', () => {
  it('do not scroll sideways, with a long title and file name listed or to be removed, and pass axe', async () => {
    await seedDemoDocuments(rig!.t.database.db);
    const { childId } = await demoIncident(rig!.t.database.db, 'kent', 'Ellis');
    const context = await rig!.browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    try {
      await signInAs(page, base, 'kent', 'social-worker');
      await page.goto(`${base}${paths.children.newDocument(childId)}`);
      await page.getByLabel('Title', { exact: true }).fill(`A long title ${'without-any-spaces-'.repeat(8)}`);
      await page.getByLabel('School report', { exact: true }).check();
      await fileInput(page).setInputFiles({
        name: `${'a-very-long-file-name-'.repeat(6)}.pdf`,
        mimeType: 'application/pdf',
        buffer: demoPdf(['A long name']),
      });
      await page.getByRole('button', { name: 'Upload the document' }).click();
      await page.getByText('Document uploaded').waitFor();
      const latest = await rig!.t.database.db
        .selectFrom('documents')
        .select('id')
        .where('child_id', '=', childId)
        .orderBy('uploaded_at', 'desc')
        .executeTakeFirstOrThrow();
      const urls = [
        paths.children.documents(childId),
        paths.children.newDocument(childId),
        paths.documents.remove(latest.id),
      ];
      for (const url of urls) {
        await page.goto(`${base}${url}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 375, `${url} is ${width} pixels wide at 375`);
        await expectAccessible(page, `${url} at 375 pixels`);
      }
    } finally {
      await context.close();
    }
  });
});
