// What a caller does when calls fail, in a real browser: retries on a connection make the
// tries climb on the live chart when the box behind it crashes, a circuit breaker opens
// (on the arrow and in the charts), and an access log dropped on a client replays its
// paths (they show in the Traffic tab).

import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { TopologyDocument } from '../src/model/types.ts';
import { AUTOSAVE_KEY, flowNode, waitForSteadyView } from './helpers.ts';

async function openWith(page: Page, doc: TopologyDocument): Promise<void> {
  await page.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, text!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [AUTOSAVE_KEY, JSON.stringify(doc)],
  );
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
}

async function chartLast(page: Page, id: string): Promise<number[]> {
  const text = (await page.getByTestId(id).getAttribute('data-last')) ?? '';
  return text.split(' ').map(Number);
}

const routes = [{ method: 'GET', path: '/api/items', weight: 1 }];
const shop: TopologyDocument = {
  version: 1,
  title: 'Shop and stock',
  nodes: [
    {
      id: 'users',
      kind: 'client',
      label: 'Shoppers',
      position: { x: 0, y: 0 },
      config: { rps: 50, routes } as never,
    },
    {
      id: 'shop',
      kind: 'app',
      label: 'Shop',
      position: { x: 280, y: 80 },
      config: { concurrency: 50 },
    },
    {
      id: 'stock',
      kind: 'app',
      label: 'Stock',
      position: { x: 560, y: 200 },
      config: { dbQueries: 0 },
    },
  ],
  edges: [
    { id: 'e-users-shop', source: 'users', target: 'shop' },
    { id: 'e-shop-stock', source: 'shop', target: 'stock' },
  ],
};

async function selectEdge(page: Page, id: string): Promise<void> {
  await page
    .locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-interaction`)
    .click({ force: true });
  await expect(page.getByRole('heading', { name: 'Connection' })).toBeVisible();
}

test('retries in front of a crashing box: tries climb on the chart; a breaker opens', async ({
  page,
}) => {
  await openWith(page, shop);
  await selectEdge(page, 'e-shop-stock');
  await page.getByLabel('Retries', { exact: true }).fill('3');
  const badge = page.locator('[data-testid="edge-guard"][data-edge-id="e-shop-stock"]');
  await expect(badge).toHaveText('3 retries');
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await flowNode(page, 'stock').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  // Every call is now tried 4 times: tries per second climb far above calls.
  await expect
    .poll(async () => {
      const [calls, tries] = await chartLast(page, 'chart-tries');
      return calls! > 0 && tries! >= 3.5 * calls! ? 'climbing' : `${calls} calls, ${tries} tries`;
    })
    .toBe('climbing');
  await expect(page.getByTestId('link-figures')).toContainText('Shop → Stock');

  await selectEdge(page, 'e-shop-stock');
  await page.getByRole('switch', { name: 'Circuit breaker' }).click();
  await expect(badge).toContainText('breaker: open');
  await expect(page.getByTestId('chart-breakers')).toBeVisible();
  await expect
    .poll(async () => (await chartLast(page, 'chart-breakers'))[0])
    .toBeGreaterThanOrEqual(0.5);
  await expect(page.getByTestId('link-figures')).toContainText(/breaker (open|half-open)/);
});

test('an access log dropped on a client replays its paths', async ({ page }) => {
  await openWith(page, shop);
  const text = readFileSync('src/io/corpus/logs/01-zanbil-shop-sample.log', 'utf8');
  const box = await flowNode(page, 'users').boundingBox();
  await page.evaluate(
    ({ text, x, y }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'access.log', { type: 'text/plain' }));
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, {
            dataTransfer: data,
            clientX: x,
            clientY: y,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
    },
    { text, x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
  );
  await expect(page.getByText(/Shoppers now replays access\.log: 1,000 requests/)).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('tab', { name: 'Traffic' }).click();
  const paths = page.getByTestId('traffic-paths');
  await expect(paths).toContainText('GET /settings/logo');
  await expect(paths).toContainText('GET /filter');
  // A file with no readable line says so and changes nothing.
  await page.evaluate(
    ({ x, y }) => {
      const data = new DataTransfer();
      data.items.add(new File(['hello\nworld\n'], 'notes.log', { type: 'text/plain' }));
      const target = document.elementFromPoint(x, y)!;
      target.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: data,
          clientX: x,
          clientY: y,
          bubbles: true,
          cancelable: true,
        }),
      );
    },
    { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
  );
  await expect(page.getByText(/notes\.log: no line could be read/)).toBeVisible();
  await expect(paths).toContainText('GET /settings/logo');
});
