import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { EVALUATION_CONSENT_TEXT } from '../../shared/domain/evaluationForm';
import { insertTestMember } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { remainingPlaceholders, visibleText, wordXmlParts } from '../support/docxFiles';
import { editDocx } from './support/docx';
import { accessibleDescription, tableText } from './support/ui';

/**
 * Documents from the case page and templates under Innstillinger → Maler, on a fixed clock (15 June 2021):
 * a closure report downloaded and read back, a case without the data it needs, an evaluation form
 * registered, an edited template refused and then accepted, and the default restored.
 */
describeInBrowser('documents and templates', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      clock: fixedClock('2021-06-15T10:00:00.000Z'),
      prepare: (db) => {
        const stamp = '2020-01-01T10:00:00.000Z';
        insertTestMember(db, { username: 'marit', displayName: 'Marit Solvang', initials: 'MS', role: 'administrator', createdAt: stamp });
        insertTestMember(db, { username: 'jonas', displayName: 'Jonas Berg', initials: 'JB', role: 'teammedlem', createdAt: stamp });
        const steigen = (db.sqlite.prepare("select id from municipalities where name = 'Steigen'").get() as { id: number }).id;
        const insertCase = db.sqlite.prepare(
          `insert into cases (code, municipality_id, year, running_number, status, referral_date, start_date, closed_date, closure_reason,
             takeover_service, risk_assessment_date, risk_assessed_by, risk_assessment_done, created_at, updated_at)
           values (?, ?, 2020, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)`,
        );
        insertCase.run(
          '02/20-ST',
          steigen,
          2,
          'avsluttet',
          '2020-01-15',
          '2020-02-03',
          '2020-06-30',
          'mal_naadd',
          'Rus og psykisk helse Steigen',
          '2020-01-20',
          stamp,
          stamp,
        );
        insertCase.run('03/20-ST', steigen, 3, 'henvist', '2020-05-02', null, null, null, null, null, stamp, stamp);
        db.sqlite.prepare('insert into case_staff (case_id, team_member_id) values (1, 1), (1, 2)').run();
        db.sqlite
          .prepare("insert into case_goals (case_id, text, status, created_at, updated_at) values (1, 'Egen leilighet før sommeren', 'naadd', ?, ?)")
          .run(stamp, stamp);
        // Six forms returned in 2021 (a seventh is registered in the test) and two in 2020: enough to show
        // 2021, too few for 2020.
        const insertResponse = db.sqlite.prepare(
          'insert into evaluation_responses (case_id, received_date, consent_to_contact, created_at, created_by, updated_at) values (1, ?, 1, ?, 1, ?)',
        );
        const insertAnswer = db.sqlite.prepare('insert into evaluation_answers (response_id, case_id, question_id, value) values (?, 1, ?, ?)');
        const received = ['2021-03-01', '2021-03-15', '2021-04-01', '2021-04-20', '2021-05-05', '2021-05-20', '2020-10-01', '2020-11-01'];
        for (const [i, date] of received.entries()) {
          const id = Number(insertResponse.run(date, stamp, stamp).lastInsertRowid);
          insertAnswer.run(id, 'helhet', i < 4 ? 5 : 4);
        }
      },
    });
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Clicks a button that saves a file and returns the suggested name and the bytes. */
  async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  }

  async function documentXml(docx: Buffer): Promise<string> {
    const xml = (await wordXmlParts(docx)).get('word/document.xml');
    expect(xml, 'word/document.xml in the .docx').toBeDefined();
    return xml!;
  }

  const openCase = async (code: string, id: number) => {
    await harness.goto(`#/sak/${id}`);
    await harness.page.getByRole('heading', { name: `Sak ${code}`, level: 1 }).waitFor();
    await harness.page.getByRole('tab', { name: 'Timer og dokumenter' }).click();
  };

  it('makes a closure report from the case page and logs it', async () => {
    const { page } = harness;
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await openCase('02/20-ST', 1);
    const panel = page.getByRole('region', { name: 'Dokumenter' });
    await panel.getByText('Ingen dokumenter er laget for saken ennå.').waitFor();

    const report = await download(page, panel.getByRole('button', { name: 'Lag avslutningsrapport' }));
    expect(report.name).toBe('Avslutningsrapport 02-20-ST.docx');
    const text = visibleText(await documentXml(report.bytes));
    expect(text).toContain('02/20-ST');
    expect(text).toContain('Egen leilighet før sommeren');
    expect(text).not.toMatch(/\{[^}]*\}/);
    expect(remainingPlaceholders(text)).toEqual([]);

    const log = panel.getByRole('table', { name: 'Dokumentlogg' });
    await log.getByRole('cell', { name: 'Avslutningsrapport', exact: true }).waitFor();
    expect((await tableText(log)).slice(1)).toEqual([['Avslutningsrapport', '1', '15.06.2021 12:00', 'Marit Solvang', 'Lag på nytt']]);

    const again = await download(page, log.getByRole('button', { name: /^Lag på nytt: Avslutningsrapport/ }));
    expect(again.name).toBe('Avslutningsrapport 02-20-ST.docx');
    await expect.poll(async () => (await tableText(log)).length).toBe(3);

    const form = await download(page, panel.getByRole('button', { name: 'Lag evalueringsskjema' }));
    expect(form.name).toBe('Evalueringsskjema 02-20-ST.docx');
    expect(visibleText(await documentXml(form.bytes))).toContain('02/20-ST');
    await panel.scrollIntoViewIfNeeded();
    await harness.visit('70-sak-dokumenter');
  });

  it('says which data a case lacks instead of making the report', async () => {
    const { page } = harness;
    await openCase('03/20-ST', 2);
    const panel = page.getByRole('region', { name: 'Dokumenter' });
    await panel.getByRole('button', { name: 'Lag avslutningsrapport' }).click();
    await panel.getByText(/03\/20-ST mangler avslutningsdato/).waitFor();
    expect(harness.db.sqlite.prepare('select count(*) as n from generated_documents where case_id = 2').get()).toEqual({ n: 0 });
  });

  it('registers a returned evaluation form against the case code, then corrects it', async () => {
    const { page } = harness;
    await openCase('02/20-ST', 1);
    const section = page.getByRole('region', { name: 'Evalueringsskjemaer' });
    await section.getByRole('button', { name: 'Registrer evalueringsskjema' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer evalueringsskjema – sak 02/20-ST' });
    await dialog.getByRole('textbox', { name: 'Mottatt dato', exact: true }).fill('10.06.2021');
    await dialog.getByRole('radiogroup', { name: 'Jeg ble møtt med respekt.' }).getByRole('radio', { name: 'Helt enig' }).check();
    await dialog.getByRole('radiogroup', { name: 'Teamet hjalp meg med praktiske ting innen: Bolig' }).getByRole('radio', { name: 'Litt enig' }).check();
    await dialog.getByRole('radiogroup', { name: 'Teamet hjalp meg i kontakten med: NAV' }).getByRole('radio', { name: 'Ikke aktuelt' }).check();
    await dialog.getByRole('textbox', { name: 'Hva fungerte bra?' }).fill('At dere kom hjem til meg & ringte når dere sa.');
    await dialog.getByRole('radiogroup', { name: EVALUATION_CONSENT_TEXT }).getByRole('radio', { name: 'Ja', exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Mottatt dato', exact: true }).scrollIntoViewIfNeeded();
    await harness.visit('71-evalueringsskjema-dialog');
    await dialog.getByRole('button', { name: 'Registrer skjema' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const table = section.getByRole('table', { name: 'Registrerte evalueringsskjemaer' });
    await table.getByRole('cell', { name: '10.06.2021', exact: true }).waitFor();
    expect((await tableText(table))[1]?.slice(0, 3)).toEqual(['10.06.2021', '3 av 18 spørsmål', 'Ja']);
    const answers = harness.db.sqlite
      .prepare(
        "select question_id, value, text_value from evaluation_answers join evaluation_responses r on r.id = response_id where r.received_date = '2021-06-10'",
      )
      .all();
    expect(answers).toEqual(
      expect.arrayContaining([
        { question_id: 'respekt', value: 5, text_value: null },
        { question_id: 'hjelp_bolig', value: 4, text_value: null },
        { question_id: 'fungerte', value: null, text_value: 'At dere kom hjem til meg & ringte når dere sa.' },
      ]),
    );

    await table.getByRole('button', { name: 'Rett skjemaet mottatt 10.06.2021' }).click();
    const edit = page.getByRole('dialog', { name: 'Rett evalueringsskjema – sak 02/20-ST' });
    expect(await edit.getByRole('radiogroup', { name: 'Jeg ble møtt med respekt.' }).getByRole('radio', { name: 'Helt enig' }).isChecked()).toBe(true);
    await edit.getByRole('radiogroup', { name: EVALUATION_CONSENT_TEXT }).getByRole('radio', { name: 'Nei', exact: true }).check();
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await edit.waitFor({ state: 'hidden' });
    await table.getByRole('cell', { name: 'Nei', exact: true }).waitFor();
    expect(harness.db.sqlite.prepare("select consent_to_contact from evaluation_responses where received_date = '2021-06-10'").all()).toEqual([
      { consent_to_contact: 0 },
    ]);
    await section.scrollIntoViewIfNeeded();
    await harness.visit('72-sak-evalueringsskjemaer');
  });

  it('summarises the year under Statistikk, hiding what rests on fewer than 5 forms', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Statistikk' }).click();
    await page.getByRole('tab', { name: 'Brukerevalueringer' }).click();
    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2021');
    const card = page.getByRole('region', { name: 'Brukerevalueringer 2021' });
    // 6 of 7 said yes: the one who did not is a count under 5, so the yes count is hidden.
    await card.getByText('Mottatt: 7 skjemaer · Ja til kontakt etter tre måneder: skjult').waitFor();
    const rows = await tableText(card.getByRole('table', { name: 'Svar på evalueringsskjemaet 2021' }));
    expect(rows[0]).toEqual(['Spørsmål', 'Svar (skjemaer)', 'Helt uenig', 'Litt uenig', 'Både og', 'Litt enig', 'Helt enig', 'Snitt (1–5)']);
    // Four «helt enig» (5) and two «litt enig» (4) from the seeded forms, plus none on the registered one.
    expect(rows.find((r) => r[0] === 'Alt i alt er jeg fornøyd med hjelpen jeg fikk.')).toEqual([
      'Alt i alt er jeg fornøyd med hjelpen jeg fikk.',
      '6',
      '0',
      '0',
      '0',
      'skjult',
      'skjult',
      // The mean beside hidden counts is withheld too.
      'skjult',
    ]);
    expect(rows.find((r) => r[0] === 'Jeg ble møtt med respekt.')?.slice(1)).toEqual(['skjult', 'skjult', 'skjult', 'skjult', 'skjult', 'skjult', 'skjult']);
    await harness.visit('75-statistikk-brukerevalueringer');

    await page.getByRole('combobox', { name: 'År', exact: true }).selectOption('2020');
    const earlier = page.getByRole('region', { name: 'Brukerevalueringer 2020' });
    await earlier.getByText('Mottatt: skjult', { exact: false }).waitFor();
    await earlier.getByText(/Svarene vises ikke før minst 5 har svart/).waitFor();
    expect(await earlier.getByText('4,5').count()).toBe(0);
  });

  it('refuses an edited template with unknown placeholders, accepts a good one, and restores the default', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    const section = page.getByRole('region', { name: 'Maler' });
    const closure = section.getByRole('region', { name: 'Avslutningsrapport' });
    await closure.getByText(/Versjon 1 er i bruk/).waitFor();
    await section.scrollIntoViewIfNeeded();
    await harness.visit('73-innstillinger-maler');

    const original = await download(page, closure.getByRole('button', { name: 'Last ned', exact: true }));
    expect(original.name).toMatch(/\.docx$/);
    const picker = closure.getByLabel('Redigert avslutningsrapport (.docx)');
    const docx = { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

    // A template where a typo replaced the case code (Word may split a placeholder across runs, so the
    // name is changed wherever it stands): refused, with both problems named; version 1 stays.
    const broken = await editDocx(original.bytes, (xml) => xml.replaceAll('saksnummer', 'saksnumer'));
    await picker.setInputFiles({ name: 'Avslutningsrapport med feil.docx', buffer: broken, ...docx });
    const report = closure.getByRole('list', { name: 'Problemer i malen' });
    await report.waitFor();
    expect(await report.innerText()).toMatch(/\{saksnumer\}/);
    expect(await report.innerText()).toMatch(/påkrevde plassholdere: \{saksnummer\}/);
    await closure.getByText('Malen som er i bruk, er uendret (versjon 1).').waitFor();
    // Said at the button that picks the file: it has the focus back and is described by the refusal.
    const replaceButton = closure.getByRole('button', { name: 'Erstatt med redigert fil …' });
    await expect.poll(() => replaceButton.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await accessibleDescription(replaceButton)).toMatch(/^«Avslutningsrapport med feil\.docx» ble ikke tatt i bruk/);
    await harness.visit('74-innstillinger-maler-avvist');
    expect(harness.db.sqlite.prepare("select max(version) as v from document_templates where kind = 'closure-report'").get()).toEqual({ v: 1 });

    // Not a Word file at all.
    await picker.setInputFiles({ name: 'notat.docx', buffer: Buffer.from('ikke en zip'), ...docx });
    await closure.getByText(/ikke et Word-dokument/).waitFor();
    // The next try's refusal replaces the last one; only one is shown.
    expect(await closure.getByText(/ble ikke tatt i bruk/).count()).toBe(1);

    // Reworded in Word: accepted as version 2, and the next report carries the new wording.
    const edited = await editDocx(original.bytes, (xml) => xml.replace(/(<w:t(?:\s[^>]*)?>)(Avslutningsrapport)/, '$1Redigert av teamet. $2'));
    await picker.setInputFiles({ name: 'Avslutningsrapport redigert.docx', buffer: edited, ...docx });
    await closure.getByText('Versjon 2 av avslutningsrapport er tatt i bruk (Avslutningsrapport redigert.docx).').waitFor();
    await closure.getByText(/Versjon 2 er i bruk/).waitFor();

    await openCase('02/20-ST', 1);
    const panel = page.getByRole('region', { name: 'Dokumenter' });
    const report2 = await download(page, panel.getByRole('button', { name: 'Lag avslutningsrapport' }));
    expect(visibleText(await documentXml(report2.bytes))).toContain('Redigert av teamet.');
    await panel.getByRole('cell', { name: '2', exact: true }).waitFor();

    // Back to the default, after confirming.
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    await closure.getByRole('button', { name: 'Gjenopprett standard for avslutningsrapport' }).click();
    const confirm = page.getByRole('dialog', { name: 'Gjenopprette standardmalen for avslutningsrapport?' });
    await confirm.getByRole('button', { name: 'Gjenopprett standard' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await closure.getByText('Versjon 3 av avslutningsrapport er tatt i bruk (standardmalen).').waitFor();
    const versions = await tableText(section.getByRole('table', { name: 'Versjoner av malene' }));
    expect(versions.filter((row) => row[0] === 'Avslutningsrapport').map((row) => [row[1], row[3], row[4]])).toEqual([
      ['3', 'Standardmal', 'I bruk'],
      ['2', 'Redigert', '–'],
      ['1', 'Standardmal', '–'],
    ]);
  });

  it('finds placeholders by searching, and shows a team member the templates without changing them', async () => {
    const { page } = harness;
    const placeholders = page.getByRole('region', { name: 'Plassholdere' });
    await placeholders.getByRole('searchbox', { name: 'Søk i plassholdere' }).fill('oppdragsgiver');
    const table = placeholders.getByRole('table', { name: 'Plassholdere' });
    await expect.poll(async () => (await tableText(table)).slice(1).map((row) => row[0])).toEqual(['{oppdragsgiver}']);
    await placeholders.getByRole('searchbox', { name: 'Søk i plassholdere' }).fill('mål');
    await expect.poll(async () => (await tableText(table)).slice(1).map((row) => row[0])).toContain('{mål_tekst}');
    await placeholders.scrollIntoViewIfNeeded();
    await harness.visit('76-innstillinger-plassholdere');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await harness.signIn({ username: 'jonas', displayName: 'Jonas Berg' });
    await page.getByRole('link', { name: 'Innstillinger' }).click();
    const closure = page.getByRole('region', { name: 'Maler' }).getByRole('region', { name: 'Avslutningsrapport' });
    await closure.getByRole('button', { name: 'Last ned', exact: true }).waitFor();
    expect(await closure.getByRole('button', { name: 'Erstatt med redigert fil …' }).count()).toBe(0);
    expect(await closure.getByRole('button', { name: /Gjenopprett/ }).count()).toBe(0);
    harness.assertNoBrowserErrors();
  });
});
