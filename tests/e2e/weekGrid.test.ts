import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../electron/services/context';
import { createDispatcher } from '../../electron/services/dispatcher';
import { TEST_PASSWORD_COST } from '../support/testDatabase';
import { describeInBrowser, startHarness, type Harness } from './harness';
import { arrangeTwoColleagues } from './support/twoColleagues';
import { tableText, toggleOption } from './support/ui';

const NOW = '2020-06-15T10:00:00.000Z';

/**
 * The Uke tab as the time sheet's grid: ten entries typed into it take fewer keystrokes than the same
 * ten typed one by one into the entry form (the issue's «Done when»), and they land on the right dates.
 */
describeInBrowser('week grid', () => {
  let harness: Harness;
  let keystrokes = 0;
  const type = async (text: string) => {
    keystrokes += [...text].length;
    await harness.page.keyboard.type(text);
  };
  const press = async (key: string) => {
    keystrokes += 1;
    await harness.page.keyboard.press(key);
  };
  /** The focused field by its label or placeholder (the case fields have only a placeholder of their own). */
  const focused = () =>
    harness.page.evaluate(() => {
      const element = document.activeElement;
      return element?.getAttribute('aria-label') ?? element?.getAttribute('placeholder') ?? element?.outerHTML.slice(0, 120) ?? null;
    });
  /** Sak (picked from its one suggestion), Kommune and Hendelse, as the form and the new-line row both take them. */
  const typeCaseFields = async (caseCode: string, municipality: string, category: string) => {
    if (caseCode) {
      await type('2/20');
      await expect.poll(() => harness.page.getByRole('listbox').getByRole('option').count()).toBe(1);
    }
    await press('Tab');
    if (municipality) await type(municipality);
    await press('Tab');
    await type(category);
  };
  const count = () => (harness.db.sqlite.prepare('select count(*) as n from time_entries').get() as { n: number }).n;
  const entriesBetween = (from: string, to: string) =>
    harness.db.sqlite
      .prepare(
        `select t.entry_date as date, c.code, m.name as municipality, k.number as category, t.minutes,
                (select count(*) from time_entry_participants p where p.time_entry_id = t.id) as people
           from time_entries t join municipalities m on m.id = t.municipality_id join categories k on k.id = t.category_id
           left join cases c on c.id = t.case_id where t.entry_date between ? and ? order by t.entry_date, k.number, c.code`,
      )
      .all(from, to);

  beforeAll(async () => {
    harness = await startHarness({ clock: fixedClock(NOW), prepare: arrangeTwoColleagues(NOW) });
    // The page's «today» is the services' today: the grid opens on this week, the list on this month.
    await harness.page.clock.setFixedTime(new Date(NOW));
    await harness.signIn({ username: 'marit', displayName: 'Marit Solvang' });
    await harness.page.getByRole('link', { name: 'Timer', exact: true }).click();
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** The same ten entries, for the week starting `monday` (day 0) — [case, Kommune, Hendelse, day, hours]. */
  const TEN: [string, string, string, number, string][] = [
    ['02/20-ST', '', '1', 0, '1,5'],
    ['02/20-ST', '', '1', 1, '2'],
    ['02/20-ST', '', '1', 2, '1'],
    ['02/20-ST', '', '1', 3, '1:30'],
    ['02/20-ST', '', '1', 4, '1'],
    ['02/20-ST', '', '2', 0, '1'],
    ['02/20-ST', '', '2', 2, '1'],
    ['02/20-ST', '', '2', 4, '0,5'],
    ['', 'fel', '8', 1, '1'],
    ['', 'fel', '8', 3, '1'],
  ];
  const expected = (dates: string[]) =>
    [
      ...TEN.map(([code, , category, day, hours]) => ({
        date: dates[day],
        code: code || null,
        municipality: code ? 'Steigen' : 'Felles',
        category: Number(category),
        minutes: { '1,5': 90, '2': 120, '1': 60, '1:30': 90, '0,5': 30 }[hours],
        people: code ? 2 : 1,
      })),
    ].sort((a, b) => a.date!.localeCompare(b.date!) || a.category - b.category);

  it('takes ten entries in fewer keystrokes than the entry form, and lists them on their dates', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Uke' }).click();
    await page.getByRole('heading', { name: 'Uke 25, 2020' }).waitFor();
    await page.getByRole('button', { name: 'Forrige uke' }).click();
    await page.getByRole('heading', { name: 'Uke 24, 2020' }).waitFor();
    await page.getByText('08.06.2020–14.06.2020').waitFor();
    const lineCase = page.getByRole('combobox', { name: 'Sak på ny linje' });

    // Keyboard only from here, counted. A line: case (or Kommune), Hendelse, Enter; then hours, Tab, hours …
    keystrokes = 0;
    await lineCase.focus();
    const addLine = async (caseCode: string, municipality: string, category: string, firstCell: string) => {
      await typeCaseFields(caseCode, municipality, category);
      await press('Enter');
      await expect.poll(focused).toBe(firstCell);
    };
    await addLine('2/20', '', '1', '02/20-ST, 1 Brukeroppfølging, mandag 08.06.2020');
    for (const hours of ['1,5', '2', '1', '1:30', '1']) {
      await type(hours);
      await press('Tab');
    }
    // Past Saturday and Sunday to the new line.
    await press('Tab');
    await press('Tab');
    await expect.poll(focused).toBe('NN/ÅÅ-XX');
    await addLine('2/20', '', '2', '02/20-ST, 2 Kjøring, mandag 08.06.2020');
    for (const hours of ['1', '', '1', '', '0,5']) {
      if (hours) await type(hours);
      await press('Tab');
    }
    await press('Tab');
    await press('Tab');
    await addLine('', 'fel', '8', 'Felles, 8 Veiledning fra prosjektleder, mandag 08.06.2020');
    for (const hours of ['', '1', '', '1']) {
      if (hours) await type(hours);
      await press('Tab');
    }
    await expect.poll(count).toBe(10);
    const gridKeys = keystrokes;

    const week24 = ['2020-06-08', '2020-06-09', '2020-06-10', '2020-06-11', '2020-06-12'];
    expect(entriesBetween('2020-06-08', '2020-06-14')).toEqual(expected(week24));
    const grid = page.getByRole('table', { name: 'Timer uke 24' });
    await expect.poll(async () => (await tableText(grid)).at(-1)).toEqual(['Sum', '', '2,5', '3', '2', '2,5', '1,5', '0', '0', '11,5']);
    const rows = await tableText(grid);
    expect(rows[0]).toEqual(['Sak', 'Hendelse', 'Man 08.06.', 'Tir 09.06.', 'Ons 10.06.', 'Tor 11.06.', 'Fre 12.06.', 'Lør 13.06.', 'Søn 14.06.', 'Sum']);
    expect(rows.slice(1, -1).map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      ['02/20-ST', '1 Brukeroppfølging', '7'],
      ['02/20-ST', '2 Kjøring', '2,5'],
      ['Felles', '8 Veiledning fra prosjektleder', '2'],
    ]);
    expect(await page.getByRole('textbox', { name: '02/20-ST, 1 Brukeroppfølging, torsdag 11.06.2020' }).inputValue()).toBe('1,5');
    await harness.visit('25-timer-ukerutenett');

    // The same ten in the entry form, one week earlier, the way timeLog.test.ts types a day.
    const form = page.getByRole('form', { name: 'Ny registrering' });
    const week23 = ['2020-06-01', '2020-06-02', '2020-06-03', '2020-06-04', '2020-06-05'];
    keystrokes = 0;
    await form.getByRole('textbox', { name: 'Dato', exact: true }).focus();
    let date = '';
    for (const [caseCode, municipality, category, day, hours] of [...TEN].sort((a, b) => a[3] - b[3])) {
      if (date !== week23[day]) {
        if (date !== '') await press('Shift+Tab');
        await press('Control+A');
        await type(`${day + 1}.6`);
        await press('Tab');
        date = week23[day]!;
      }
      await expect.poll(focused).toBe('NN/ÅÅ-XX');
      await typeCaseFields(caseCode, municipality, category);
      await press('Tab');
      await type(hours);
      const before = count();
      await press('Enter');
      await expect.poll(count).toBe(before + 1);
      // After a save the form puts the cursor back in «Sak», on the same date.
      await expect.poll(focused).toBe('NN/ÅÅ-XX');
    }
    const formKeys = keystrokes;
    expect(entriesBetween('2020-06-01', '2020-06-07')).toEqual(expected(week23));
    console.info(`Ten entries: ${gridKeys} keystrokes in the week grid, ${formKeys} in the entry form`);
    expect(gridKeys).toBeLessThan(formKeys);

    // The list (the member's own, this month) shows the grid's entries on their dates.
    await page.getByRole('tab', { name: 'Registreringer' }).click();
    await page.getByText('Sum: 23 timer · 42 persontimer · 20 registreringer').waitFor();
    const list = (await tableText(page.getByRole('table', { name: 'Registreringer' }))).filter((r) => r.length > 1).slice(1);
    const listed = list.map((r) => `${r[0]} ${r[1]} ${r[3]} ${r[4]}`);
    for (const e of expected(week24)) {
      const [y, m, d] = e.date!.split('-');
      expect(listed).toContain(
        `${d}.${m}.${y} ${e.code ?? '–'} ${e.category} ${e.category === 1 ? 'Brukeroppfølging' : e.category === 2 ? 'Kjøring' : 'Veiledning fra prosjektleder'} ${{ 90: '1,5', 120: '2', 60: '1', 30: '0,5' }[e.minutes!]}`,
      );
    }
  });

  it('changes and deletes a cell’s one entry, asks in place before a likely duplicate, and sends several to the list', async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Uke' }).click();
    // Opens on the week of the last date used in the form.
    await page.getByRole('heading', { name: 'Uke 23, 2020' }).waitFor();
    await page.getByRole('button', { name: 'Neste uke' }).click();
    await page.getByRole('heading', { name: 'Uke 24, 2020' }).waitFor();
    const cell = (name: string) => page.getByRole('textbox', { name });
    const saturday = cell('02/20-ST, 2 Kjøring, lørdag 13.06.2020');

    // A changed cell updates its entry; an emptied one deletes it.
    await cell('02/20-ST, 2 Kjøring, fredag 12.06.2020').fill('1t 30m');
    await page.keyboard.press('Enter');
    await expect.poll(() => entriesBetween('2020-06-12', '2020-06-12').map((e) => (e as { minutes: number }).minutes)).toEqual([60, 90]);
    await cell('02/20-ST, 2 Kjøring, onsdag 10.06.2020').fill('');
    await page.keyboard.press('Tab');
    await expect.poll(count).toBe(19);

    // A refused amount stays in the cell, marked, with the message; nothing is written.
    await saturday.fill('0,25');
    await page.keyboard.press('Tab');
    await page.getByText('Lørdag 13.06.2020, 02/20-ST, 2 Kjøring: Tidsbruk må være i hele eller halve timer').waitFor();
    expect(await saturday.getAttribute('aria-invalid')).toBe('true');
    await harness.visit('26-timer-ukerutenett-feil');
    await saturday.fill('');
    await page.keyboard.press('Tab');
    expect(count()).toBe(19);

    // Jonas logs Saturday's driving for himself, and Friday's for both of them, on his own PC.
    const jonasPc = createDispatcher({ db: harness.db, clock: fixedClock(NOW), passwordCost: TEST_PASSWORD_COST });
    const id = (sql: string) => (harness.db.sqlite.prepare(sql).get() as { id: number }).id;
    const jonas = id("select id from team_members where username = 'jonas'");
    const marit = id("select id from team_members where username = 'marit'");
    jonasPc.session.actor = { id: jonas, username: 'jonas', role: 'teammedlem' };
    const driving = {
      caseCode: '02/20-ST',
      municipalityId: id("select id from municipalities where name = 'Steigen'"),
      categoryId: id('select id from categories where number = 2'),
      hours: '1',
    };
    for (const input of [
      { ...driving, date: '2020-06-13', participantIds: [jonas] },
      { ...driving, date: '2020-06-12', participantIds: [jonas, marit] },
    ]) {
      const result = await jonasPc.dispatchAsync('time-entries:create', input);
      if (!result.ok) throw new Error(result.error.message);
    }

    // The same hours on the same day, case and category as Jonas's: asked in place, nothing saved yet.
    await saturday.fill('1');
    await page.keyboard.press('Tab');
    const question = page.getByRole('alertdialog', { name: 'Stemmer dette?' });
    await question.getByText(/Det finnes allerede en registrering 13\.06\.2020 med samme sak, hendelse og tidsbruk/).waitFor();
    expect(count()).toBe(21);
    await harness.visit('27-timer-ukerutenett-sporsmal');
    await page.keyboard.press('Enter');
    await expect.poll(count).toBe(22);
    await question.waitFor({ state: 'hidden' });

    // Friday's driving is now two entries: their sum, read-only, and a way to the list of that day.
    const several = page.getByRole('button', { name: '02/20-ST, 2 Kjøring, fredag 12.06.2020: 2 registreringer, 2,5 timer. Vis i lista' });
    await several.waitFor();
    expect(await several.getAttribute('title')).toBe('2 registreringer, 2,5 timer til sammen. Endre dem i lista.');
    await several.click();
    await page.getByText('Sum: 3,5 timer · 7 persontimer · 3 registreringer').waitFor();
    expect(await page.getByRole('textbox', { name: 'Fra dato' }).inputValue()).toBe('12.06.2020');
  });

  it("shows a colleague's week without letting it be typed into, and saves nothing in the colleague's name", async () => {
    const { page } = harness;
    await page.getByRole('tab', { name: 'Uke' }).click();
    await page.getByRole('button', { name: 'Forrige uke' }).waitFor();
    // Week 24, where Jonas logged Saturday's and Friday's driving.
    while (!(await page.getByRole('heading', { name: 'Uke 24, 2020' }).isVisible())) {
      const heading = (await page.getByRole('heading', { name: /^Uke \d+, 2020$/ }).textContent()) ?? '';
      const shown = Number(/Uke (\d+)/.exec(heading)?.[1]);
      await page.getByRole('button', { name: shown > 24 ? 'Forrige uke' : 'Neste uke' }).click();
      await expect.poll(() => page.getByRole('heading', { name: /^Uke \d+, 2020$/ }).textContent()).not.toBe(heading);
    }
    const grid = page.getByRole('table', { name: 'Timer uke 24' });
    expect(await grid.getByRole('textbox').count()).toBeGreaterThan(0);
    const before = count();

    // Jonas ticked in as well as Marit: the grid shows the last one picked.
    await toggleOption(page, 'Ukevisning for', 'Jonas Berg (JB)');
    await page.getByText('Du ser uka til Jonas Berg og kan ikke endre den her.', { exact: false }).waitFor();
    // His lines (the case's entries have both of them as participants, and his own Saturday), as text only.
    await expect.poll(() => tableText(grid).then((rows) => rows.some((r) => r[0] === '02/20-ST' && r[1] === '2 Kjøring'))).toBe(true);
    expect(await grid.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Sak på ny linje' }).count()).toBe(0);
    await harness.visit('29-timer-ukerutenett-kollegas-uke');
    expect(count()).toBe(before);

    // Back to her own week: the cells take hours again.
    await toggleOption(page, 'Ukevisning for', 'Marit Solvang (MS)');
    await grid.getByRole('textbox').first().waitFor();
    expect(await page.getByText('Du ser uka til', { exact: false }).count()).toBe(0);
  });

  it('copies the line above into the entry form with Ctrl+D or the button, keeping the date', async () => {
    const { page } = harness;
    const form = page.getByRole('form', { name: 'Ny registrering' });
    const field = (name: string) => form.getByRole('textbox', { name, exact: true });
    const date = await field('Dato').inputValue();
    await form.getByRole('combobox', { name: 'Sak', exact: true }).focus();
    await page.keyboard.press('Control+D');
    // The member's latest entry: Saturday's driving on 02/20-ST, 1 hour.
    await expect.poll(() => field('Tidsbruk').inputValue()).toBe('1');
    expect(await form.getByRole('combobox', { name: 'Sak', exact: true }).inputValue()).toBe('02/20-ST');
    expect(await field('Kommune').inputValue()).toBe('Steigen');
    expect(await field('Hendelse').inputValue()).toBe('2 Kjøring');
    expect(await field('Dato').inputValue()).toBe(date);
    await expect.poll(focused).toBe('1,5');
    await field('Tidsbruk').fill('2');
    await field('Hendelse').fill('1');
    await page.getByRole('button', { name: 'Kopier linjen over (Ctrl+D)' }).click();
    await expect.poll(() => field('Hendelse').inputValue()).toBe('2 Kjøring');
    expect(await field('Tidsbruk').inputValue()).toBe('1');
    await harness.visit('28-timer-kopier-linjen-over');
  });
});
