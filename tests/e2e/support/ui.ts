import type { Locator, Page } from 'playwright-core';

/**
 * Picks an option in a Fluent Dropdown or Combobox the way a person does: open it, click the option.
 * (They are ARIA comboboxes with a popup listbox, not native selects, so selectOption does not apply.)
 */
export async function chooseOption(scope: Page | Locator, comboboxName: string, option: string | RegExp): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('combobox', { name: comboboxName, exact: true }).click();
  const listbox = page.getByRole('listbox');
  await listbox.getByRole('option', { name: option }).click();
  await listbox.waitFor({ state: 'hidden' });
}

/**
 * Ticks or unticks one option of a multi-select Fluent Dropdown with the mouse. Fluent renders a
 * multi-select popup as a menu of checkable items (role menu / menuitemcheckbox), not as a listbox, so
 * `chooseOption` does not find it; the popup stays open between picks and closes on a second click on
 * the box.
 */
export async function toggleOption(scope: Page | Locator, comboboxName: string, option: string | RegExp): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const box = scope.getByRole('combobox', { name: comboboxName, exact: true });
  await box.click();
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitemcheckbox', { name: option }).click();
  await box.click();
  await menu.waitFor({ state: 'hidden' });
}

/**
 * The same with the keyboard only, as a person without a mouse does it: focus the box, open it with
 * ArrowDown, walk the items until the wanted one is active, tick it with Enter, close with Escape.
 * Focus stays in the box throughout (the active item is aria-activedescendant).
 */
export async function toggleOptionWithKeyboard(scope: Page | Locator, comboboxName: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const box = scope.getByRole('combobox', { name: comboboxName, exact: true });
  await box.focus();
  await page.keyboard.press('ArrowDown');
  const items = page.getByRole('menu').getByRole('menuitemcheckbox');
  await items.first().waitFor();
  const count = await items.count();
  for (let step = 0; step < count; step += 1) {
    const activeId = await box.getAttribute('aria-activedescendant');
    const activeText = activeId ? await page.locator(`[id="${activeId}"]`).textContent() : null;
    if (activeText?.trim() === option) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'hidden' });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No item «${option}» reachable with the arrow keys in «${comboboxName}»`);
}

/** A table as text, row by row (header row first), read the way assistive technology reads cells. */
export function tableText(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    Array.from(element.querySelectorAll('tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td, [role="columnheader"], [role="rowheader"], [role="cell"], [role="gridcell"]'))
        .filter((cell, _index, cells) => !cells.some((other) => other !== cell && other.contains(cell)))
        // Soft hyphens and zero-width spaces only offer line breaks; they are not part of what is read.
        .map((cell) =>
          (cell.textContent ?? '')
            .replace(/[\u00ad\u200b]/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
    ),
  );
}

/** The cell where a row (by its first cell) meets a column (by its header); throws with the table if absent. */
export function cellAt(rows: string[][], rowLabel: string, columnLabel: string): string {
  const header = rows[0] ?? [];
  const column = header.indexOf(columnLabel);
  const row = rows.find((cells) => cells[0] === rowLabel);
  const cell = column >= 0 ? row?.[column] : undefined;
  if (cell === undefined) {
    throw new Error(`No cell «${rowLabel}» × «${columnLabel}» in table:\n${rows.map((r) => r.join(' | ')).join('\n')}`);
  }
  return cell;
}

/** The text a screen reader announces as the field's description (hints and validation messages). */
export function accessibleDescription(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const errorId = element.getAttribute('aria-errormessage');
    if (errorId) ids.push(errorId);
    return ids
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  });
}
