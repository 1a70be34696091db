// A database with read replicas while a run is live: the box says its roles, a crash of
// the primary shows "promoting…" until a replica takes over, and the Boxes table counts
// stale reads.

import { expect, test } from '@playwright/test';
import type { TopologyDocument } from '../src/model/types.ts';
import { AUTOSAVE_KEY, flowNode, waitForSteadyView } from './helpers.ts';

const cluster: TopologyDocument = {
  version: 1,
  title: 'Read replicas',
  nodes: [
    {
      id: 'users',
      kind: 'client',
      label: 'Users',
      position: { x: 0, y: 100 },
      config: {
        rps: 200,
        routes: [
          { method: 'GET', path: '/item', weight: 0.8 },
          { method: 'POST', path: '/item', weight: 0.2 },
        ],
      },
    },
    {
      id: 'app',
      kind: 'app',
      label: 'App',
      position: { x: 300, y: 100 },
      config: { concurrency: 16 },
    },
    {
      id: 'db',
      kind: 'db',
      label: 'Postgres',
      position: { x: 600, y: 100 },
      config: { readReplicas: 2, replicationLagMs: 500, failoverS: 3, rows: 200 },
    },
  ],
  edges: [
    { id: 'e-users-app', source: 'users', target: 'app' },
    { id: 'e-app-db', source: 'app', target: 'db' },
  ],
};

test('a database with replicas says its roles, fails over after a crash and counts stale reads', async ({
  page,
}) => {
  await page.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, text!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [AUTOSAVE_KEY, JSON.stringify(cluster)],
  );
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
  // 2×: the 3 s failover then shows "promoting…" for 1.5 s of the page's time (at 5× it was
  // 0.6 s, shorter than a busy 2-core machine can be between two looks at the badge).
  await page.getByLabel('Speed').selectOption('2');
  await page.getByRole('button', { name: 'Play' }).click();
  const roles = flowNode(page, 'db').locator('[data-replica-roles]');
  await expect(roles).toHaveText('primary + 2 replicas');
  await flowNode(page, 'db').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash the primary' }).click();
  await expect(roles).toHaveText('promoting…');
  await expect(roles).toHaveText('primary + 1 replica');
  await page.getByRole('tab', { name: 'Boxes' }).click();
  const row = page.getByTestId('node-table').getByRole('row', { name: /Postgres/ });
  await expect(row).toContainText(/[1-9]\d* \(\d+%\)/);
  await expect(row).toContainText('primary + 1 replica');
  // The old primary comes back as a replica.
  await flowNode(page, 'db').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Restart' }).click();
  await expect(roles).toHaveText('primary + 2 replicas');
});
