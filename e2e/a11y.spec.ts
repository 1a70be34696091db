// Accessibility: axe finds no serious or critical problems, and everything in the palette
// and the top bar can be reached with Tab and has a name.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { NODE_KINDS } from '../src/model/types.ts';
import { flowNode, openEditor } from './helpers.ts';

// Real drags in a real browser on a shared, busy machine: allow for slowness.
test.describe.configure({ timeout: 120_000 });

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('axe: the editor has no serious or critical violations', async ({ page }) => {
  test.setTimeout(300_000); // four full axe scans; slow on a busy machine
  await openEditor(page);
  expect(await seriousViolations(page)).toEqual([]);
  // With a box selected (inspector full of fields) and a menu open.
  await flowNode(page, 'users').click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('every palette item and top-bar control is reachable by Tab and named', async ({ page }) => {
  await openEditor(page);
  const seen: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const byId = (ids: string | null) =>
        (ids ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      const labels = (el as HTMLInputElement).labels;
      const name =
        el.getAttribute('aria-label') ||
        byId(el.getAttribute('aria-labelledby')) ||
        (labels?.length ? labels[0]!.textContent?.trim() : '') ||
        el.textContent?.trim() ||
        '';
      return name || `UNNAMED ${el.outerHTML.slice(0, 120)}`;
    });
    seen.push(name);
  }
  for (const label of ['File', 'Edit', 'View', 'Help', 'Diagram title', 'Keyboard shortcuts']) {
    expect(seen).toContain(label);
  }
  expect(new Set(seen.filter((n) => n.startsWith('Add '))).size).toBe(NODE_KINDS.length);
  expect(seen.filter((n) => n.startsWith('UNNAMED'))).toEqual([]);
});
