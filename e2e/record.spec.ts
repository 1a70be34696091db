// File → Record a video… and the embed's record button: a real file comes out (a WebM that
// Chromium plays for the length asked, a GIF with one frame per tenth of a second), its size
// is shown before Download, and cancelling leaves the run going as before. Also the live
// view with prefers-reduced-motion: steady flow marks, no moving dots.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { TopologyDocument } from '../src/model/types.ts';
import { AUTOSAVE_KEY, runMenu, waitForSteadyView } from './helpers.ts';

const oneServer: TopologyDocument = {
  version: 1,
  title: 'One server',
  nodes: [
    {
      id: 'users',
      kind: 'client',
      label: 'Users',
      position: { x: 0, y: 100 },
      config: { rps: 40 },
    },
    {
      id: 'app',
      kind: 'app',
      label: 'App',
      position: { x: 300, y: 100 },
      config: { concurrency: 4, serviceTimeMs: 20 },
    },
  ],
  edges: [{ id: 'e-users-app', source: 'users', target: 'app' }],
};

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

/** Serious or critical accessibility problems inside `selector`. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  return (await new AxeBuilder({ page }).include(selector).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function clock(page: Page): Promise<number> {
  return Number.parseFloat((await page.getByTestId('sim-clock').textContent()) ?? '');
}

/** What the browser makes of a recorded video: its length (seeking to the end if the
 * container did not say) and whether a frame decodes. */
async function probeVideo(page: Page, href: string) {
  return page.evaluate(async (url) => {
    const blob = await (await fetch(url)).blob();
    const v = document.createElement('video');
    v.muted = true;
    v.src = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => {
      v.onloadedmetadata = resolve;
      v.onerror = () => reject(new Error(`the video does not load: ${v.error?.message}`));
    });
    let duration = v.duration;
    if (!Number.isFinite(duration)) {
      v.currentTime = 1e9;
      await new Promise((resolve) => {
        v.onseeked = resolve;
      });
      duration = v.duration;
    }
    v.currentTime = duration / 2;
    await new Promise((resolve) => {
      v.onseeked = resolve;
    });
    await v.play();
    await new Promise((resolve) => {
      v.ontimeupdate = resolve;
    });
    v.pause();
    return {
      type: blob.type,
      size: blob.size,
      duration,
      width: v.videoWidth,
      height: v.videoHeight,
      playing: v.readyState >= 2,
    };
  }, href);
}

test('records 5 s of the running canvas as a WebM that plays for 5 s, size shown before Download', async ({
  page,
}) => {
  await openWith(page, oneServer);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clock(page)).toBeGreaterThan(0.5);

  await runMenu(page, 'File', 'Record a video…');
  const dialog = page.getByRole('dialog', { name: 'Record a video' });
  // Only what this browser can encode is offered; WebM always is in Chromium.
  await expect(dialog.getByRole('radio', { name: /WebM video/ })).toBeEnabled();
  await dialog.getByLabel('Length').fill('4');
  await expect(dialog.getByText('A recording lasts 5 to 60 seconds.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toBeDisabled();
  await dialog.getByLabel('Length').fill('5');
  await dialog.getByLabel('Caption').fill('One server at 40 req/s');
  await dialog.getByRole('radio', { name: /WebM video/ }).check();
  await dialog.getByRole('button', { name: 'Start recording' }).click();

  // The dialog steps aside; the bar over the canvas shows the progress.
  const bar = page.getByRole('region', { name: 'Recording' });
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('progressbar')).toBeVisible();

  const done = page.getByRole('dialog', { name: 'Record a video' });
  await expect(done.getByText(/^Recorded 5\.0 s as a WebM video/)).toBeVisible({ timeout: 40_000 });
  await expect(done.getByTestId('record-size')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
  const download = done.getByRole('link', { name: /^Download \(\d+(\.\d)? (KB|MB)\)$/ });
  const href = await download.getAttribute('href');
  const video = await probeVideo(page, href!);
  expect(video.type).toBe('video/webm');
  expect(video.duration).toBeGreaterThanOrEqual(4.5);
  expect(video.duration).toBeLessThanOrEqual(5.5);
  expect(video.width).toBeGreaterThan(0);
  expect(video.playing).toBe(true);

  const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
  expect(file.suggestedFilename()).toBe('One server.webm');
  // The run went on all along.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('cancelling a recording drops it and leaves the run as it was', async ({ page }) => {
  await openWith(page, oneServer);
  await page.getByRole('button', { name: 'Play' }).click();
  await runMenu(page, 'File', 'Record a video…');
  const dialog = page.getByRole('dialog', { name: 'Record a video' });
  await dialog.getByRole('radio', { name: /WebM video/ }).check();
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  const bar = page.getByRole('region', { name: 'Recording' });
  await expect(bar).toBeVisible();
  expect(await axeProblems(page, '.bp-recbar')).toEqual([]);
  // Playing and pausing while it records are the reader's own business.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByText('Recording cancelled. The run goes on as before.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const t = await clock(page);
  await expect.poll(() => clock(page)).toBeGreaterThan(t);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // The next recording starts from the settings, not from a file.
  await runMenu(page, 'File', 'Record a video…');
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toBeEnabled();
  expect(await axeProblems(page, '.bp-dialog')).toEqual([]);
});

test('without WebCodecs only the GIF is offered, and a recording that fails says why and leaves the run alone', async ({
  page,
}) => {
  // The recorder's Worker as a browser without VideoEncoder would run it, and whose encoder
  // breaks on the first frame.
  await page.route(/record\.worker-[\w-]+\.js$/, async (route) => {
    const original = await (await route.fetch()).text();
    const prelude = `self.VideoEncoder = undefined;
      Object.defineProperty(self, 'onmessage', { set(handler) {
        self.addEventListener('message', (e) => {
          if (e.data.type === 'frame') self.postMessage({ type: 'error', message: 'the encoder broke' });
          else handler(e);
        });
      } });\n`;
    await route.fulfill({ body: prelude + original, contentType: 'text/javascript' });
  });
  await openWith(page, oneServer);
  await page.getByRole('button', { name: 'Play' }).click();
  await runMenu(page, 'File', 'Record a video…');
  const dialog = page.getByRole('dialog', { name: 'Record a video' });
  await expect(
    dialog.getByText(/no WebCodecs video encoder, so it can record an animated GIF only/),
  ).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /WebM video/ })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: /MP4 video/ })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: /Animated GIF/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    /^The recording failed: the encoder broke\. The run was not touched/,
  );
  const t = await clock(page);
  await expect.poll(() => clock(page)).toBeGreaterThan(t);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recording' })).toBeHidden();
  // Ready to try again.
  await expect(dialog.getByRole('button', { name: 'Start recording' })).toBeEnabled();
});

test('the embed records a story step as a GIF with one frame per tenth of a second', async ({
  page,
}) => {
  await page.goto('/embed.html?story=system-1&step=1&controls=play,record&autoplay=1');
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.bp-embed')).toHaveAttribute('data-state', 'playing');
  await page.getByRole('button', { name: 'Record a video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a video' });
  await dialog.getByRole('radio', { name: /Animated GIF/ }).check();
  await dialog.getByLabel('Length').fill('5');
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('region', { name: 'Recording' })).toBeVisible();
  await expect(dialog.getByText(/^Recorded 5\.0 s as a GIF/)).toBeVisible({ timeout: 40_000 });
  const href = await dialog.getByRole('link', { name: /^Download/ }).getAttribute('href');
  const gif = await page.evaluate(async (url) => {
    const data = await (await fetch(url)).arrayBuffer();
    const decoder = new ImageDecoder({ data, type: 'image/gif' });
    await decoder.tracks.ready;
    const frames = decoder.tracks.selectedTrack!.frameCount;
    let ms = 0;
    for (let i = 0; i < frames; i++) {
      const { image } = await decoder.decode({ frameIndex: i });
      ms += (image.duration ?? 0) / 1000;
      image.close();
    }
    return { frames, ms };
  }, href!);
  expect(gif.frames).toBe(50);
  expect(gif.ms).toBeCloseTo(5000, -1);
});

test('with reduced motion the dots give way to steady flow marks, and come back without it', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openWith(page, oneServer);
  await page.getByRole('button', { name: 'Play' }).click();
  const dots = page.getByTestId('live-dots');
  await expect(dots).toHaveAttribute('data-motion', 'reduced');
  // The loaded link carries its marks and its rate; nothing moves.
  await expect(dots).toHaveAttribute('data-steady', 'e-users-app');
  await expect.poll(() => clock(page)).toBeGreaterThan(1.5);
  await expect(dots).toHaveAttribute('data-dots', '0');
  await expect(dots).toHaveAttribute('data-moving', '0');
  // The legend says what the marks mean, not what dot colours mean.
  await expect(page.getByLabel('Flow marks')).toContainText('where requests go');
  // The reader switches the setting off: the dots are back, in step with the run.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(dots).toHaveAttribute('data-motion', 'full');
  await expect.poll(async () => Number(await dots.getAttribute('data-moving'))).toBeGreaterThan(0);
  await expect(dots).toHaveAttribute('data-steady', '');
});
