// The embed (embed.html) on a course page: two iframes load and run, the page drives them
// through the postMessage API and shows what they report, commands from any other origin
// are ignored, and the URL options shape the embed.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';

/** First loads compile and start a Worker per embed: generous on a busy machine. */
const LOAD = { timeout: 60_000 };

function readout(page: Page, which: string, field: string) {
  return page.locator(`[data-readout="${which}"] [data-field="${field}"]`);
}

test('the course page’s two embeds load, play, pause and step from the host page', async ({
  page,
}) => {
  await page.goto('/course-example.html');
  const story = page.frameLocator('#embed-story');
  const free = page.frameLocator('#embed-free');
  await expect(story.locator('.react-flow__node').first()).toBeVisible(LOAD);
  await expect(free.locator('.react-flow__node').first()).toBeVisible(LOAD);
  await expect(story.getByText('Step 2 of 9')).toBeVisible();
  await expect(free.getByText('Read-heavy API with a cache')).toBeVisible();
  // Both said hello: the host shows their state (paused at 0 s, no autoplay) and the step.
  await expect(readout(page, 'story', 'state')).toHaveText('paused');
  await expect(readout(page, 'free', 'state')).toHaveText('paused');
  await expect(readout(page, 'story', 'step')).toHaveText(/^2 of 9: /);

  const storyRoot = story.locator('.bp-embed');
  const storyControls = page.getByRole('group', { name: 'Control the story embed from this page' });
  await storyControls.getByRole('button', { name: 'Play' }).click();
  await expect(storyRoot).toHaveAttribute('data-state', 'playing');
  await expect(readout(page, 'story', 'state')).toHaveText('playing');
  // Metrics arrive about once a second: real figures, not placeholders.
  await expect(readout(page, 'story', 'throughput')).toHaveText(/^\d+ req\/s$/);
  await expect(readout(page, 'story', 'p95')).toHaveText(/^\d+ ms$/);
  await expect(readout(page, 'story', 'time')).toHaveText(/^[1-9]\d*\.\d s$/);

  await storyControls.getByRole('button', { name: 'Pause' }).click();
  await expect(storyRoot).toHaveAttribute('data-state', 'paused');
  await expect(readout(page, 'story', 'state')).toHaveText('paused');
  const before = await story.getByTestId('embed-clock').textContent();
  await storyControls.getByRole('button', { name: 'Step the run' }).click();
  await expect(story.getByTestId('embed-clock')).not.toHaveText(before ?? '');
  await expect(storyRoot).toHaveAttribute('data-state', 'paused');

  await storyControls.getByRole('button', { name: 'Next step' }).click();
  await expect(story.getByText('Step 3 of 9')).toBeVisible();
  await expect(readout(page, 'story', 'step')).toHaveText(/^3 of 9: /);

  // The second embed is driven on its own; the first stays as it is.
  const freeControls = page.getByRole('group', { name: 'Control the free embed from this page' });
  await freeControls.getByRole('button', { name: 'Play' }).click();
  await expect(free.locator('.bp-embed')).toHaveAttribute('data-state', 'playing');
  await expect(readout(page, 'free', 'throughput')).toHaveText(/^\d+ req\/s$/);
  await expect(readout(page, 'story', 'state')).toHaveText('paused');
  await freeControls.getByRole('button', { name: 'Pause' }).click();
  await expect(readout(page, 'free', 'state')).toHaveText('paused');
});

// Another origin for the course site and one for an attacker: tiny servers on other ports
// (real loopback servers: Chromium refuses to let a page it considers public frame a local
// one, so routed fake hosts will not do).
let course: Server;
let attacker: Server;
let COURSE = '';
let ATTACKER = '';

function serve(html: (url: URL) => string): Promise<{ server: Server; origin: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html(new URL(req.url ?? '/', 'http://x')));
    });
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

test.beforeAll(async () => {
  ({ server: course, origin: COURSE } = await serve(
    (url) => `<!doctype html><title>Course</title>
      <iframe id="embed" style="width:800px;height:420px" src="${url.searchParams.get('embed')}"></iframe>
      ${url.searchParams.get('attacker') ? `<iframe id="attacker" src="${url.searchParams.get('attacker')}"></iframe>` : ''}
      <script>
        window.received = [];
        addEventListener('message', (e) => {
          if (e.data && e.data.source === 'backend-playground') window.received.push({ origin: e.origin, type: e.data.type });
        });
        window.send = (type) => document.getElementById('embed').contentWindow.postMessage({ source: 'backend-playground', type }, '*');
      </script>`,
  ));
  ({ server: attacker, origin: ATTACKER } = await serve(
    () => `<!doctype html><title>Not the course</title><script>
        window.attack = (type) => parent.frames[0].postMessage({ source: 'backend-playground', type }, '*');
      </script>`,
  ));
});

test.afterAll(() => {
  course?.close();
  attacker?.close();
});

/** The course site (another origin) embedding `embedUrl`, optionally with an attacker frame. */
async function foreignHost(page: Page, embedUrl: string, withAttacker = false): Promise<void> {
  const url = new URL(`${COURSE}/unit.html`);
  url.searchParams.set('embed', embedUrl);
  if (withAttacker) url.searchParams.set('attacker', `${ATTACKER}/evil.html`);
  await page.goto(url.href);
}

test('commands from any origin but the embedding page are ignored and reported', async ({
  page,
  baseURL,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await foreignHost(page, `${baseURL}embed.html?story=system-1&step=1`, true);
  const embed = page.frameLocator('#embed');
  const root = embed.locator('.bp-embed');
  await expect(embed.locator('.react-flow__node').first()).toBeVisible(LOAD);
  // The embed greets its parent, at the parent's exact origin.
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { received: { type: string }[] }).received.map((m) => m.type),
      ),
    )
    .toContain('ready');
  const embedOrigin = new URL(baseURL!).origin;
  expect(
    await page.evaluate(
      () => (window as unknown as { received: { origin: string }[] }).received[0]!.origin,
    ),
  ).toBe(embedOrigin);

  // Another frame on the page (another origin) tries to press Play: ignored, and said so.
  const attacker = page.frame({ url: `${ATTACKER}/evil.html` })!;
  await attacker.evaluate(() =>
    (window as unknown as { attack: (t: string) => void }).attack('play'),
  );
  await expect
    .poll(() => warnings.find((w) => w.includes(`ignored "play" from ${ATTACKER}`)))
    .toBeTruthy();
  await expect(root).toHaveAttribute('data-state', 'paused');

  // The embedding page itself (its origin is the referrer) may.
  await page.evaluate(() => (window as unknown as { send: (t: string) => void }).send('play'));
  await expect(root).toHaveAttribute('data-state', 'playing');
  await page.evaluate(() => (window as unknown as { send: (t: string) => void }).send('pause'));
  await expect(root).toHaveAttribute('data-state', 'paused');
});

test('with origin= set, even the embedding page is refused unless it is that origin', async ({
  page,
  baseURL,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await foreignHost(
    page,
    `${baseURL}embed.html?story=system-1&step=1&origin=https://real-course.example`,
  );
  const embed = page.frameLocator('#embed');
  await expect(embed.locator('.react-flow__node').first()).toBeVisible(LOAD);
  await page.evaluate(() => (window as unknown as { send: (t: string) => void }).send('play'));
  await expect
    .poll(() => warnings.find((w) => w.includes(`ignored "play" from ${COURSE}`)))
    .toBeTruthy();
  await expect(embed.locator('.bp-embed')).toHaveAttribute('data-state', 'paused');
  // Messages go only to the allowed origin, so this page hears nothing.
  expect(
    await page.evaluate(() => (window as unknown as { received: unknown[] }).received.length),
  ).toBe(0);
});

test('URL options: controls, theme, read-only, and clear messages for bad input', async ({
  page,
}) => {
  await page.goto('/embed.html?story=system-1&step=1&controls=play&theme=dark');
  await expect(page.locator('.react-flow__node').first()).toBeVisible(LOAD);
  const root = page.locator('.bp-embed');
  await expect(root).toHaveClass(/bp-embed--dark/);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await expect(page.getByLabel('Live figures')).toHaveCount(0);
  // Read-only by default: boxes cannot be dragged.
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  // An embed never touches the visitor's autosaved work in the full app.
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  await page.goto('/embed.html?story=system-1&autoplay=1&readonly=0&controls=play,warp');
  await expect(root).toHaveAttribute('data-state', 'playing');
  await expect(page.locator('.react-flow__node.draggable').first()).toBeVisible();
  await expect(page.getByRole('note')).toContainText('unknown control “warp”');

  await page.goto('/embed.html?story=no-such-story');
  await expect(page.getByRole('alert')).toContainText('There is no story called “no-such-story”');

  await page.goto('/embed.html#/doc/v1.brokenbrokenbroken');
  await expect(page.getByRole('alert')).toContainText('This embedded diagram could not be read');
  await expect(page.getByRole('alert')).toContainText('damaged');
});

test('the Embed dialog builds a snippet that shows the same diagram', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible(LOAD);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menu').getByText('Embed in a web page…', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a web page' });
  // A plain diagram has no story steps: no option for their buttons, none in the address.
  await expect(dialog.getByLabel('Story step buttons')).toHaveCount(0);
  await dialog.getByLabel('Play on load').check();
  await dialog.getByLabel('Speed').uncheck();
  const snippet = dialog.getByLabel('Embed snippet');
  await expect(snippet).toHaveValue(
    /^<iframe src="[^"]*embed\.html\?autoplay=1&amp;controls=play,step,reset,metrics#\/doc\/v1\.[^"]+" title="Backend Playground: My first backend" /,
  );
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Snippet copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The snippet, pasted into a page as a course author would, shows the diagram, playing.
  await page.setContent(copied);
  const embed = page.frameLocator('iframe');
  await expect(embed.locator('.react-flow__node')).toHaveCount(6, LOAD);
  await expect(embed.locator('.bp-embed')).toHaveAttribute('data-state', 'playing');
});

test('in a story, the Embed dialog’s snippet has a short title and offers the step buttons', async ({
  page,
}) => {
  await page.goto('/#/story/system-3/2');
  await expect(page.locator('.react-flow__node').first()).toBeVisible(LOAD);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menu').getByText('Embed in a web page…', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed in a web page' });
  const snippet = dialog.getByLabel('Embed snippet');
  await expect(snippet).toHaveValue(
    /^<iframe src="[^"]*embed\.html\?story=system-3&amp;step=2&amp;controls=play,step,speed,reset,nav,metrics" title="Backend Playground: System 3, step 2 — One slow server" /,
  );
  await dialog.getByLabel('Story step buttons').uncheck();
  await expect(snippet).toHaveValue(/controls=play,step,speed,reset,metrics"/);
  await dialog.getByLabel('Story step buttons').check();
  // The diagram as it is now: no step buttons to offer or write, the diagram's own title.
  await dialog.getByRole('radio', { name: /The diagram as it is now/ }).check();
  await expect(dialog.getByLabel('Story step buttons')).toHaveCount(0);
  await expect(snippet).toHaveValue(
    /\?controls=play,step,speed,reset,metrics#\/doc\/v1\.[^"]+" title="Backend Playground: [^"]+"/,
  );
});
