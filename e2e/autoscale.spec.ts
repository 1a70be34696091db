// Autoscaling in a real browser: turned on in the inspector, an overloaded app server boots
// replicas (dashed on its box), they join its stack, and the Boxes table and the Charts tab
// show the count.

import { expect, type Page, test } from '@playwright/test';
import type { TopologyDocument } from '../src/model/types.ts';
import { AUTOSAVE_KEY, flowNode, waitForSteadyView } from './helpers.ts';

const doc: TopologyDocument = {
  version: 1,
  title: 'Autoscaled shop',
  nodes: [
    {
      id: 'users',
      kind: 'client',
      label: 'Shoppers',
      position: { x: 0, y: 0 },
      config: { rps: 100, routes: [{ method: 'GET', path: '/api/items', weight: 1 }] } as never,
    },
    {
      id: 'shop',
      kind: 'app',
      label: 'Shop',
      position: { x: 320, y: 0 },
      // Needs 100 × 0.05 / (2 × 0.7) ≈ 3.6 → 4 replicas; it starts with 1.
      config: {
        concurrency: 2,
        serviceTimeMs: 50,
        dbQueries: 0,
        // A cold start long enough to be seen at 10× (2 s of the page's time), so the dashed
        // "+n booting" is on screen for more than a poll or two.
        coldStartS: 20,
        cooldownS: 2,
        scaleEveryS: 2,
      },
    },
  ],
  edges: [{ id: 'e-users-shop', source: 'users', target: 'shop' }],
};

async function openWith(page: Page, d: TopologyDocument): Promise<void> {
  await page.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, text!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [AUTOSAVE_KEY, JSON.stringify(d)],
  );
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
}

test('autoscaling: replicas boot, join the box, and show in the table and the chart', async ({
  page,
}) => {
  await openWith(page, doc);
  await flowNode(page, 'shop').click();
  await page.getByRole('switch', { name: 'Autoscale' }).click();
  await expect(page.getByRole('switch', { name: 'Autoscale' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  const shop = flowNode(page, 'shop');
  // Booting replicas first (dashed), then serving ones in the stack.
  await expect(shop.locator('.bp-box__booting')).toBeVisible();
  await expect
    .poll(async () => Number(await shop.locator('.bp-box__replicas').getAttribute('data-replicas')))
    .toBeGreaterThanOrEqual(3);
  await page.getByRole('tab', { name: 'Boxes' }).click();
  await expect(page.getByTestId('node-table')).toContainText(/\d replicas/);
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByTestId('chart-replicas')).toBeVisible();
});
