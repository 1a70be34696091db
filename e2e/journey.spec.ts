// Following one request: in System 3's crash step, a red dot at the crashed server opens
// its journey, which ends at that box with cause `down`, and the waterfall's times add up to
// the latency the user saw.

import { expect, type Page, test } from '@playwright/test';
import { waitForSteadyView } from './helpers.ts';

const dots = (page: Page) => page.getByTestId('live-dots');

async function clock(page: Page): Promise<number> {
  return Number.parseFloat((await page.getByTestId('sim-clock').textContent()) ?? '');
}

test('click a failed dot in the crash step: its journey ends at the crashed box, cause down', async ({
  page,
}) => {
  await page.goto('/#/story/system-3/4');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  if ((await page.getByRole('button', { name: 'Play', exact: true }).count()) > 0) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
  }
  // App 2 crashes at 10 s; until the health checks take it out, requests sent to it fail.
  await expect.poll(() => clock(page), { timeout: 20_000 }).toBeGreaterThan(9);
  // Pause the moment a red dot is drawn (in the page, so it cannot slip away meanwhile).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const look = () => {
          const c = document.querySelector<HTMLElement>('[data-testid="live-dots"]');
          if (c?.dataset.failedDot) {
            document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')!.click();
            resolve();
          } else requestAnimationFrame(look);
        };
        look();
      }),
  );
  // Paused, the dots stand still: click a red one.
  await expect(dots(page)).not.toHaveAttribute('data-failed-dot', '');
  const spot = (await dots(page).getAttribute('data-failed-dot'))!.split(',').map(Number);
  await page.mouse.click(spot[0]!, spot[1]!);
  const panel = page.getByTestId('journey');
  await expect(panel).toBeVisible();
  const outcome = page.getByTestId('journey-outcome');
  await expect(outcome).toHaveAttribute('data-cause', 'down');
  await expect(outcome).toHaveAttribute('data-failed-at', 'app2');
  await expect(outcome).toContainText('down at App 2');
  // The last box of the waterfall is the crashed one, and it says so.
  await expect(panel.locator('.bp-waterfall__row').last()).toHaveAttribute('data-node', 'app2');
  await expect(panel.getByTestId('journey-cause')).toHaveText('failed here: down');
  const latency = Number(await outcome.getAttribute('data-latency'));
  const parts = await panel
    .locator('.bp-waterfall__phase')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.ms)));
  const sum = parts.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - latency)).toBeLessThanOrEqual(1);
  // Its path glows on the canvas; Escape lets it go.
  await expect(dots(page)).toHaveAttribute('data-followed', /\d+/);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('rewind 30 s while paused: the badges show that moment; play on from there', async ({
  page,
}) => {
  await page.goto('/#/story/system-3/4');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  if ((await page.getByRole('button', { name: 'Play', exact: true }).count()) > 0) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
  }
  // Pause at 33 s or a little later (in the page, so the clock does not run on much
  // meanwhile): 30 s back is then before App 2's crash at 10 s.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const look = () => {
          const t = Number.parseFloat(
            document.querySelector('[data-testid="sim-clock"]')?.textContent ?? '',
          );
          if (t >= 33) {
            document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')!.click();
            resolve();
          } else requestAnimationFrame(look);
        };
        look();
      }),
  );
  const users = page.locator('.react-flow__node[data-id="users"]');
  const app2 = page.locator('.react-flow__node[data-id="app2"]');
  // Now App 2 is down, and the health checks took it out long ago: no errors.
  await expect(app2.locator('.bp-live__badge--down')).toBeVisible();
  await expect(users.locator('.bp-live__badge--err')).toHaveCount(0);
  expect(Number(await app2.locator('.bp-live__ring').getAttribute('data-utilization'))).toBe(0);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  // The crash is a mark on the timeline.
  await expect(timeline.getByTestId('timeline-mark')).toHaveCount(1);
  // Where the run stands (once the pause has reached the Worker and back).
  const at = page.getByTestId('timeline-at');
  let now = -1;
  await expect
    .poll(async () => {
      const seen = Number(/now · (\d+) s/.exec((await at.textContent()) ?? '')?.[1] ?? -2);
      const steady = seen === now;
      now = seen;
      return steady;
    })
    .toBe(true);
  const slider = timeline.getByRole('slider', { name: 'Moment of the run shown' });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect(at).toHaveText(`${now - 30} s · 30 s ago`);
  await expect.poll(() => clock(page)).toBe(now - 30);
  // That moment, before the crash: App 2 up and serving its share, its figures as they were.
  await expect(app2.locator('.bp-live__badge--down')).toHaveCount(0);
  const busy = async () =>
    Number(await app2.locator('.bp-live__ring').getAttribute('data-utilization'));
  expect(await busy()).toBeGreaterThan(0.3);
  // Back to now, and again back; then play on from there.
  await timeline.getByRole('button', { name: 'Back to now' }).click();
  await expect(app2.locator('.bp-live__badge--down')).toBeVisible();
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await expect(at).toHaveText(`${now - 30} s · 30 s ago`);
  await timeline.getByRole('button', { name: '▶ Play from here' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 20_000 });
  const resumed = await clock(page);
  expect(resumed).toBeGreaterThanOrEqual(now - 31);
  expect(resumed).toBeLessThan(now - 20);
});
