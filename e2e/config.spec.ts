// Docker Compose and nginx.conf in a real browser: a story step goes out as a stack (the
// zip's compose.yaml), comes back into a new diagram by dropping the file, and runs; a
// broken nginx.conf says where, leaves the canvas alone, and a fixed one replaces the
// canvas in one undo step.

import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { exampleDocument } from '../src/model/example.ts';
import { loadScenario } from '../src/story/player.ts';
import { nodeByLabel, runMenu, waitForSaved } from './helpers.ts';

/** Serious or critical axe findings inside the open dialog. */
async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** System 5, step 3: nginx, a load balancer, two apps, a database, a queue and a worker. */
function storyStep() {
  const loaded = loadScenario(
    JSON.parse(readFileSync(new URL('../scenarios/system-5.json', import.meta.url), 'utf8')),
    'system-5',
  );
  if (!loaded.ok) throw new Error('system-5 does not load');
  return loaded.scenario.steps[2]!.doc;
}

test.describe.configure({ timeout: 120_000 });

test('export a story step as compose, import it into a new diagram, press play', async ({
  page,
}) => {
  const step = storyStep();
  await page.goto('/#/story/system-5/3');
  await expect(page.locator('.react-flow__node')).toHaveCount(step.nodes.length);

  await runMenu(page, 'File', 'Export Docker Compose…');
  const dialog = page.getByRole('dialog', { name: 'Export as Docker Compose and nginx.conf' });
  await expect(dialog.getByRole('tab', { name: 'compose.yaml' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(dialog.getByRole('row', { name: /Load balancer/ })).toContainText(
    'upstream lb in nginx/nginx.conf',
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download all (.zip)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-stack\.zip$/);
  const zip = unzipSync(readFileSync(await download.path()));
  const names = Object.keys(zip).map((n) => n.replace(/^[^/]+\//, ''));
  expect(names).toEqual(['compose.yaml', 'nginx/nginx.conf', 'app/Dockerfile', 'README.md']);
  const compose = strFromU8(zip[Object.keys(zip)[0]!]!);
  await expect(dialog.getByRole('textbox', { name: 'Text of compose.yaml' })).toHaveValue(compose);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A new diagram, then the compose.yaml dropped on the canvas.
  await page.getByRole('button', { name: 'Leave story' }).click();
  await runMenu(page, 'File', 'New');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'compose.yaml', { type: 'text/yaml' }));
    return dt;
  }, compose);
  await page.locator('.react-flow__pane').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer });
  const importDialog = page.getByRole('dialog', { name: 'Import Docker Compose or nginx.conf' });
  await expect(importDialog.getByTestId('config-import-summary')).toHaveText(
    'Docker Compose: 9 boxes, 10 connections (exported from Backend Playground: settings and positions kept)',
    { timeout: 30_000 },
  );
  await importDialog.getByRole('button', { name: 'Replace canvas' }).click();
  const imported = await waitForSaved(page, (d) => d.nodes.length === step.nodes.length);
  expect(imported.nodes).toEqual(step.nodes);
  expect(imported.edges).toEqual(step.edges);

  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () =>
      Number(
        ((await page.getByTestId('chart-throughput').getAttribute('data-last')) ?? '0').split(
          ' ',
        )[0],
      ),
    )
    .toBeGreaterThan(5);
});

test('a broken nginx.conf says where and changes nothing; a fixed one replaces the canvas in one undo step', async ({
  page,
}) => {
  await page.goto('/');
  await expect(nodeByLabel(page, 'App 1')).toBeVisible();
  const before = exampleDocument();
  await runMenu(page, 'File', 'Import Docker Compose / nginx.conf…');
  const dialog = page.getByRole('dialog', { name: 'Import Docker Compose or nginx.conf' });
  const text = dialog.getByRole('textbox', { name: 'Compose or nginx text' });
  const conf =
    'http {\n  upstream api { ip_hash; server a:80; server b:80; }\n  server {\n    listen 80;\n    location /api/ { proxy_pass http://api }\n  }\n}\n';
  await text.fill(conf);
  const error = dialog.getByTestId('config-import-error');
  await expect(error).toContainText(
    'nginx.conf line 5: unexpected "}": directive "proxy_pass" on line 5 is not terminated by ";"',
  );
  await expect(dialog.getByTestId('config-error-lines')).toContainText(
    'location /api/ { proxy_pass http://api }',
  );
  await expect(dialog.getByRole('button', { name: 'Replace canvas' })).toBeDisabled();

  await text.fill(conf.replace('http://api }', 'http://api; }'));
  await expect(dialog.getByTestId('config-import-summary')).toHaveText(
    'nginx.conf: 5 boxes, 4 connections',
  );
  await expect(dialog.getByRole('combobox', { name: 'Kind of api' })).toHaveValue('lb');
  await expect(dialog.getByRole('row', { name: /^api/ })).toContainText(
    'upstream api (line 2), ip hash',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('combobox', { name: 'Kind of b:80' }).selectOption('static');
  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  const after = await waitForSaved(page, (d) => d.title === 'Imported nginx.conf');
  expect(after.nodes.map((n) => n.kind)).toEqual(['client', 'proxy', 'lb', 'app', 'static']);
  expect(after.nodes.find((n) => n.kind === 'lb')!.config.strategy).toBe('ip-hash');

  // One undo step brings the example back.
  await page.keyboard.press('Control+z');
  const undone = await waitForSaved(page, (d) => d.title === before.title);
  expect(undone).toEqual(before);
});
