import type { Page } from 'playwright-core';

/**
 * Elements that scroll (or were scrolled) sideways at the test's window size (1280×800, a common laptop screen): usually
 * a form row or a table that does not fit, which clips content the user must then scroll to find.
 * Sent as text so no transform of the test code can add helpers the page lacks.
 */
const FIND_OVERFLOW = `(() => {
  const found = [];
  for (const element of [document.documentElement, ...document.querySelectorAll('body *')]) {
    const style = getComputedStyle(element);
    const scrolls = element === document.documentElement || style.overflowX === 'auto' || style.overflowX === 'scroll';
    // A clipping box (overflow: hidden) that focus has scrolled sideways hides its start from view.
    const shifted = element.scrollLeft > 0;
    if (!shifted && (!scrolls || element.scrollWidth <= element.clientWidth + 1)) continue;
    const label = element.getAttribute('aria-label') || element.id || String(element.className).split(' ')[0] || '';
    found.push(element.tagName.toLowerCase() + (label ? '[' + label + ']' : '') +
      ': content ' + element.scrollWidth + 'px wide in ' + element.clientWidth + 'px' +
      (shifted ? ', scrolled ' + element.scrollLeft + 'px sideways' : ''));
  }
  return found;
})()`;

export function findHorizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(FIND_OVERFLOW) as Promise<string[]>;
}
