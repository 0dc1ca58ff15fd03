import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { insertTestMember } from '../support/testDatabase';

/** Statistikk → Årsrapport: write a chapter's text, then both files in one click. */
describeInBrowser('annual report tab', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      prepare: (db) => {
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator' });
      },
    });
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    const id = (sql: string) => (harness.db.sqlite.prepare(sql).get() as { id: number }).id;
    const result = await harness.dispatcher.dispatchAsync('time-entries:create', {
      date: '2020-02-03',
      municipalityId: id("select id from municipalities where name = 'Steigen'"),
      categoryId: id('select id from categories where number = 2'),
      hours: 2.5,
      participantIds: [id("select id from team_members where username = 'marit'")],
      confirmOldDate: true,
    });
    if (!result.ok) throw new Error(result.error.message);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('saves an introductory text and downloads the .docx and the .xlsx', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('heading', { name: 'Statistikk', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    await page.getByRole('tab', { name: 'Årsrapport' }).click();

    const incidents = page.getByRole('textbox', { name: 'Avvik og hendelser' });
    await incidents.fill('Ingen alvorlige hendelser i 2020.');
    // Only the changed chapter's button is enabled.
    await page.getByRole('button', { name: 'Lagre teksten', disabled: false }).click();
    await page.getByText(/Lagret \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} av Marit Solvang/u).waitFor();
    const stored = harness.db.sqlite.prepare("select text from annual_report_texts where year = 2020 and section = 'incidents'").get();
    expect(stored).toEqual({ text: 'Ingen alvorlige hendelser i 2020.' });
    await harness.screenshot('65-statistikk-arsrapport');

    const downloads: { name: string; bytes: Buffer }[] = [];
    const both = new Promise<void>((resolve) => {
      page.on('download', (download) => {
        void download.path().then(async (path) => {
          downloads.push({ name: download.suggestedFilename(), bytes: await readFile(path!) });
          if (downloads.length === 2) resolve();
        });
      });
    });
    await page.getByRole('button', { name: 'Lag årsrapport' }).click();
    await both;
    expect(downloads.map((d) => d.name).sort()).toEqual(['Årsrapport ettervernsteamet 2020.docx', 'Årsrapport ettervernsteamet 2020.xlsx']);
    // Both are zip containers (Office Open XML), with the text just saved inside the document.
    for (const d of downloads) expect(d.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
