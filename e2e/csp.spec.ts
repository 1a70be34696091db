// The Content-Security-Policy: present in both built pages (a <meta>, so it holds on any
// static host), strict (no eval, scripts only from the app's own folder), and nothing the
// app does trips it: the app and the embed, a run, Mermaid import and export, auto layout,
// and image export. Every other e2e test runs under the same policy (they use the build).

import { expect, type Page, test } from '@playwright/test';
import LZString from 'lz-string';
import { exampleDocument } from '../src/model/example.ts';
import { openEditor, runMenu } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

/** Records every policy violation the page reports (the browser blocks, then tells). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`.trim());
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
}

async function policyOf(page: Page): Promise<string> {
  return (
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? ''
  );
}

function expectStrict(policy: string): void {
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("default-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
}

test('the app runs, imports and exports Mermaid, lays out and exports images under its policy', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await openEditor(page);
  expectStrict(await policyOf(page));

  // A run: the simulation Worker starts and frames arrive.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number.parseFloat((await page.getByTestId('sim-clock').textContent()) ?? ''))
    .toBeGreaterThan(0.5);
  await page.getByRole('button', { name: 'Pause' }).click();

  // Mermaid export: Mermaid is loaded and draws its SVG (styles and all) in the preview.
  await runMenu(page, 'File', 'Export Mermaid…');
  const exportDialog = page.getByRole('dialog', { name: 'Export as Mermaid' });
  const drawing = exportDialog.getByTestId('mermaid-preview').locator('svg');
  await expect(drawing).toBeVisible({ timeout: 30_000 });
  await expect(drawing).toContainText('Load balancer');
  // Its <style> applied: boxes are filled (a blocked style would leave them black).
  const fill = await drawing
    .locator('.node rect, .node polygon, .node path')
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  expect(fill).not.toBe('rgb(0, 0, 0)');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // Mermaid import: parsed and previewed, then onto the canvas.
  await runMenu(page, 'File', 'Import Mermaid…');
  const importDialog = page.getByRole('dialog', { name: 'Import a Mermaid flowchart' });
  await importDialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill('flowchart LR\n  web[Browser] --> api[API server] --> db[(Postgres)]\n');
  await expect(importDialog.getByTestId('mermaid-import-summary')).toHaveText(/3 boxes/, {
    timeout: 30_000,
  });
  await importDialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Auto layout (elk) and both image formats.
  await runMenu(page, 'View', 'Tidy up (auto-layout)');
  for (const item of ['Export PNG', 'Export SVG']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      runMenu(page, 'File', item),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.(png|svg)$/);
  }

  expect(await violations()).toEqual([]);
});

test('the embed runs a shared diagram under its policy', async ({ page }) => {
  const violations = await watchViolations(page);
  const data = LZString.compressToEncodedURIComponent(JSON.stringify(exampleDocument()));
  await page.goto(`/embed.html?autoplay=1#/doc/v1.${data}`);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  expectStrict(await policyOf(page));
  await expect
    .poll(async () => Number((await page.getByTestId('live-dots').getAttribute('data-dots')) ?? 0))
    .toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});
