// The live view in a real browser: the simulation runs in its Worker, frames reach the page,
// dots move along the edges requests take, boxes and charts show what happens, chaos works,
// edits apply to the running system, and a dead Worker is reported with a way back.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { TopologyDocument } from '../src/model/types.ts';
import {
  AUTOSAVE_KEY,
  connectNodes,
  dragFromPalette,
  flowNode,
  openEditor,
  waitForSteadyView,
} from './helpers.ts';

const dots = (page: Page) => page.getByTestId('live-dots');

async function dotData(page: Page) {
  return dots(page).evaluate((el) => ({ ...(el as HTMLElement).dataset }));
}

/** Opens the editor on `doc` (seeded as the autosaved diagram). */
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

async function setSpeed(page: Page, speed: string): Promise<void> {
  await page.getByLabel('Speed').selectOption(speed);
}

async function clock(page: Page): Promise<number> {
  const text = (await page.getByTestId('sim-clock').textContent()) ?? '';
  return Number.parseFloat(text);
}

async function crash(page: Page, id: string): Promise<void> {
  await flowNode(page, id).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
}

/** Last value of each line of a chart (see Chart.tsx data-last). */
async function chartLast(page: Page, id: string): Promise<number[]> {
  const text = (await page.getByTestId(id).getAttribute('data-last')) ?? '';
  return text.split(' ').map(Number);
}

function node(id: string, kind: string, label: string, x: number, y: number, config = {}) {
  return { id, kind, label, position: { x, y }, config } as TopologyDocument['nodes'][number];
}

const oneServer: TopologyDocument = {
  version: 1,
  title: 'One server',
  nodes: [
    node('users', 'client', 'Users', 0, 100, { rps: 40 }),
    node('app', 'app', 'App', 300, 100, { concurrency: 4, serviceTimeMs: 20 }),
  ],
  edges: [{ id: 'e-users-app', source: 'users', target: 'app' }],
};

const twoBehindLb: TopologyDocument = {
  version: 1,
  title: 'Two behind a load balancer',
  nodes: [
    node('users', 'client', 'Users', 0, 150, { rps: 60 }),
    node('lb', 'lb', 'Load balancer', 260, 150),
    node('app1', 'app', 'App 1', 520, 40, { concurrency: 4, serviceTimeMs: 20 }),
    node('app2', 'app', 'App 2', 520, 260, { concurrency: 4, serviceTimeMs: 20 }),
  ],
  edges: [
    { id: 'e-users-lb', source: 'users', target: 'lb' },
    { id: 'e-lb-app1', source: 'lb', target: 'app1' },
    { id: 'e-lb-app2', source: 'lb', target: 'app2' },
  ],
};

const overloaded: TopologyDocument = {
  version: 1,
  title: 'Overloaded',
  nodes: [
    node('users', 'client', 'Users', 0, 150, { rps: 120, timeoutMs: 600000 }),
    node('lb', 'lb', 'Load balancer', 260, 150),
    node('app1', 'app', 'App 1', 520, 150, {
      concurrency: 1,
      serviceTimeMs: 10,
      serviceDist: 'constant',
      queueLimit: 100000,
    }),
  ],
  edges: [
    { id: 'e-users-lb', source: 'users', target: 'lb' },
    { id: 'e-lb-app1', source: 'lb', target: 'app1' },
  ],
};

test('play sends dots along the edges requests take; pause freezes them; step moves on', async ({
  page,
}) => {
  await openEditor(page);
  await expect(dots(page)).toHaveAttribute('data-dots', '0');
  await page.getByRole('button', { name: 'Play' }).click();
  // The example: users → nginx → lb → app1/app2 → db. Dots appear on those edges.
  await expect
    .poll(async () => (await dotData(page)).edges?.split(' ') ?? [])
    .toEqual(expect.arrayContaining(['e-users-nginx', 'e-nginx-lb', 'e-lb-app1', 'e-lb-app2']));
  const a = (await dotData(page)).checksum;
  await expect.poll(async () => (await dotData(page)).checksum).not.toBe(a);

  // Space pauses (a registered action with that key); the dots stop where they are.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.waitForTimeout(400); // let the display clock settle on the paused engine time
  const frozen = await dotData(page);
  await page.waitForTimeout(400);
  const later = await dotData(page);
  expect(later.checksum).toBe(frozen.checksum);
  expect(Number(later.dots)).toBeGreaterThan(0);

  // Step advances a quarter second of playback and the dots move.
  const t0 = await clock(page);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => clock(page)).toBeGreaterThan(t0);
  await expect.poll(async () => (await dotData(page)).checksum).not.toBe(later.checksum);
  expect(await clock(page)).toBeLessThan(t0 + 1);
});

test('the page receives metrics and hop batches from the Worker', async ({ page }) => {
  await openEditor(page);
  await setSpeed(page, '10');
  await page.getByRole('button', { name: 'Play' }).click();
  // Hop batches: dots on the canvas. Metrics: series points in the charts, figures on boxes.
  await expect.poll(async () => Number((await dotData(page)).moving)).toBeGreaterThan(0);
  await expect
    .poll(async () =>
      Number(await page.getByTestId('chart-throughput').getAttribute('data-points')),
    )
    .toBeGreaterThan(3);
  await expect.poll(async () => (await chartLast(page, 'chart-throughput'))[0]).toBeGreaterThan(30);
  await expect(flowNode(page, 'app1').locator('[data-utilization]')).toBeVisible();
  await page.getByRole('tab', { name: 'Boxes' }).click();
  await expect(page.getByTestId('node-table')).toContainText('App 1');
});

test('speed changes how fast simulated time passes', async ({ page }) => {
  await openWith(page, oneServer);
  await setSpeed(page, '50');
  await page.getByRole('button', { name: 'Play' }).click();
  // At 50× the clock passes 20 simulated seconds long before 20 real ones.
  const start = Date.now();
  await expect.poll(() => clock(page), { timeout: 15_000 }).toBeGreaterThan(20);
  expect(Date.now() - start).toBeLessThan(15_000);
  await setSpeed(page, '0.1');
  await page.waitForTimeout(300);
  const slow0 = await clock(page);
  await page.waitForTimeout(1000);
  expect((await clock(page)) - slow0).toBeLessThan(0.5);
});

test('crashing the only app server turns requests red and shows errors in the chart', async ({
  page,
}) => {
  await openWith(page, oneServer);
  await setSpeed(page, '5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number((await dotData(page)).moving)).toBeGreaterThan(0);
  await crash(page, 'app');
  await expect(flowNode(page, 'app').locator('[data-down="true"]')).toBeVisible();
  await expect(flowNode(page, 'app')).toContainText('down');
  await expect.poll(async () => Number((await dotData(page)).failed)).toBeGreaterThan(0);
  await expect.poll(async () => (await chartLast(page, 'chart-errors'))[0]).toBeGreaterThan(90);
  await expect(page.getByTestId('chart-errors')).toHaveAttribute('data-markers', /[1-9]/);
  await expect(page.getByTestId('bottleneck')).toContainText('App is down');
});

test('one of two servers behind a load balancer crashes: errors only until the health check removes it', async ({
  page,
}) => {
  await openWith(page, twoBehindLb);
  await setSpeed(page, '10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clock(page)).toBeGreaterThan(3);
  await crash(page, 'app1');
  // Requests sent to App 1 before the health check notices fail...
  await expect.poll(async () => (await chartMax(page, 'chart-errors'))[0]).toBeGreaterThan(0);
  // ...then the balancer stops sending it traffic and errors stop.
  const crashedAt = await clock(page);
  await expect.poll(() => clock(page)).toBeGreaterThan(crashedAt + 12);
  await expect.poll(async () => (await chartLast(page, 'chart-errors'))[0]).toBe(0);
  expect((await chartLast(page, 'chart-throughput'))[0]).toBeGreaterThan(40);
});

async function chartMax(page: Page, id: string): Promise<number[]> {
  const text = (await page.getByTestId(id).getAttribute('data-max')) ?? '';
  return text.split(' ').map(Number);
}

test('a saturated box is named, and adding a server while running drains its queue', async ({
  page,
}) => {
  await openWith(page, overloaded);
  await setSpeed(page, '10');
  await page.getByRole('button', { name: 'Play' }).click();
  const queue = flowNode(page, 'app1').locator('[data-queue]');
  await expect.poll(async () => Number(await queue.getAttribute('data-queue'))).toBeGreaterThan(80);
  await expect(page.getByTestId('bottleneck')).toContainText('App 1 is at 100%');
  await expect(page.getByTestId('bottleneck')).toContainText('queue grows');
  await expect(flowNode(page, 'app1').locator('.bp-live--hot')).toBeAttached();
  await setSpeed(page, '1'); // the queue keeps growing, slowly, while we edit

  // Add an app server behind the load balancer, without stopping the run.
  const before = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  await dragFromPalette(page, 'App server', { x: 700, y: 380 });
  await expect(page.locator('.react-flow__node')).toHaveCount(before.length + 1);
  const added = await page
    .locator('.react-flow__node')
    .evaluateAll(
      (els, old) => els.map((e) => e.getAttribute('data-id')).find((id) => !old.includes(id)),
      before,
    );
  await connectNodes(page, 'lb', added!);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await setSpeed(page, '25');
  // Half the traffic now goes to the new server (it shows arrivals), and App 1, now
  // getting 60 of the 120 req/s it can serve 100 of, catches up: its queue drains.
  await expect
    .poll(async () =>
      Number(
        await flowNode(page, added!).locator('[data-utilization]').getAttribute('data-utilization'),
      ),
    )
    .toBeGreaterThan(0);
  await expect
    .poll(async () => Number(await queue.getAttribute('data-queue')), { timeout: 20_000 })
    .toBeLessThan(5);
  await expect(page.getByTestId('bottleneck')).not.toContainText('App 1 is at 100%');
});

test('Run 60 s fast fills the charts without animating', async ({ page }) => {
  await openWith(page, oneServer);
  await page.getByRole('button', { name: 'Run 60 s fast' }).click();
  await expect
    .poll(async () =>
      Number(await page.getByTestId('chart-throughput').getAttribute('data-points')),
    )
    .toBeGreaterThanOrEqual(59);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect.poll(() => clock(page)).toBeGreaterThanOrEqual(60);
});

test('a crashed Worker shows a banner, keeps the diagram, and the run restarts', async ({
  page,
}) => {
  // Keep a handle on the Worker the page starts, to kill it the way a crash would.
  await page.addInitScript(() => {
    const Real = window.Worker;
    const list: Worker[] = [];
    (window as unknown as { __workers: Worker[] }).__workers = list;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        list.push(this);
      }
    };
  });
  await openEditor(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number((await dotData(page)).moving)).toBeGreaterThan(0);
  await page.evaluate(() => {
    const w = (window as unknown as { __workers: Worker[] }).__workers.at(-1)!;
    w.terminate();
    w.dispatchEvent(new ErrorEvent('error', { message: 'out of memory' }));
  });
  const banner = page.getByTestId('sim-fault');
  await expect(banner).toContainText('out of memory');
  await expect(banner).toContainText('Your diagram is safe');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await banner.getByRole('button', { name: 'Restart the run' }).click();
  await expect(banner).toBeHidden();
  await expect.poll(async () => Number((await dotData(page)).moving)).toBeGreaterThan(0);
});

test('a Worker that goes silent is noticed too', async ({ page }) => {
  await page.addInitScript(() => {
    const Real = window.Worker;
    const list: Worker[] = [];
    (window as unknown as { __workers: Worker[] }).__workers = list;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        list.push(this);
      }
    };
  });
  await openEditor(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number((await dotData(page)).moving)).toBeGreaterThan(0);
  await page.evaluate(() =>
    (window as unknown as { __workers: Worker[] }).__workers.at(-1)!.terminate(),
  );
  await expect(page.getByTestId('sim-fault')).toContainText('stopped responding');
});

test('axe: the running live view, its chaos menu and its tables have no serious violations', async ({
  page,
}) => {
  test.setTimeout(240_000); // axe on a busy shared machine is slow
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  await openEditor(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByTestId('bottleneck')).toBeVisible();
  await page.keyboard.press('Space');
  expect(await serious()).toEqual([]);
  await flowNode(page, 'app1').click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Boxes' }).click();
  await flowNode(page, 'users').click();
  expect(await serious()).toEqual([]);
});

test('chaos from the menus: slow a box, cut and restore a link, spike a client; each is marked on the charts', async ({
  page,
}) => {
  await openWith(page, oneServer);
  await setSpeed(page, '5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number((await dotData(page)).moving)).toBeGreaterThan(0);

  await flowNode(page, 'app').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Slow down ×5' }).click();
  await expect(flowNode(page, 'app')).toContainText('slow ×5');

  const link = page.locator('[data-testid="rf__edge-e-users-app"] .react-flow__edge-path');
  await link.click({ button: 'right', force: true });
  await page.getByRole('menuitem', { name: 'Cut this link' }).click();
  await expect.poll(async () => Number((await dotData(page)).failed)).toBeGreaterThan(0);
  await expect.poll(async () => (await chartLast(page, 'chart-errors'))[0]).toBeGreaterThan(90);
  // The cut link looks cut, and its menu now offers only what makes sense: restoring it.
  await expect(link).toHaveClass(/is-cut/);
  await expect(page.locator('.bp-edge-cut')).toHaveText('✂ cut');
  await link.click({ button: 'right', force: true });
  await expect(page.getByRole('menuitem', { name: 'Cut this link' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Restore this link' }).click();
  await expect.poll(async () => (await chartLast(page, 'chart-errors'))[0]).toBe(0);
  await expect(page.locator('.bp-edge-cut')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Traffic' }).click();
  await page.getByRole('button', { name: 'Spike ×5' }).click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByTestId('chart-throughput')).toHaveAttribute('data-markers', '4');
  await expect(page.getByTestId('chart-throughput')).toHaveAttribute(
    'data-marker-text',
    'slow App ×5 | cut Users→App | restore Users→App | spike Users ×5',
  );
});
