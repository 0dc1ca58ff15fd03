import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Runs axe (WCAG 2.0 and 2.1, levels A and AA) on the page as it is now and throws a readable list of violations:
 * universal design of ICT is a legal requirement for Norwegian public-sector software.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's focus manager (tabster) puts empty, aria-hidden focus sentinels around focus groups;
    // they pass focus straight on and are a documented false positive of aria-hidden-focus.
    .exclude('[data-tabster-dummy]')
    .analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((violation) => {
    const targets = violation.nodes
      .slice(0, 5)
      .map((node) => `      - ${node.target.join(' ')}${node.failureSummary ? `: ${firstLine(node.failureSummary)}` : ''}`)
      .join('\n');
    const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
    return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.nodes.length} element(s))\n${targets}${more}`;
  });
  throw new Error(`Accessibility violations on «${name}» (${results.violations.length}):\n${lines.join('\n')}`);
}

function firstLine(summary: string): string {
  return summary
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' ');
}
