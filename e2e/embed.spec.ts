// The embed (embed.html) on a course page: two iframes load and run, the page drives them
// through the postMessage API and shows what they report, commands from any other origin
// are ignored, and the URL options shape the embed.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type FrameLocator, type Locator, type Page, test } from '@playwright/test';
import LZString from 'lz-string';
import type { TopologyDocument } from '../src/model/types.ts';

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
          if (e.data && e.data.source === 'backend-playground') window.received.push({ origin: e.origin, type: e.data.type, data: e.data });
        });
        window.send = (type, extra) => document.getElementById('embed').contentWindow.postMessage(Object.assign({ source: 'backend-playground', type }, extra), '*');
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

/** A share-link fragment for `doc`, as File → Share link makes (restore fills defaults). */
function docFragment(doc: unknown): string {
  return `#/doc/v1.${LZString.compressToEncodedURIComponent(JSON.stringify(doc))}`;
}

const SMALL_DOC = {
  version: 1,
  title: 'Two boxes',
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, config: {} },
    { id: 'app', kind: 'app', label: 'App', position: { x: 360, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app', label: '/api' }],
};

/** The diagram an "Open ↗" link carries in its fragment. */
function docInLink(href: string): TopologyDocument {
  const data = href.slice(href.indexOf('#/doc/v1.') + '#/doc/v1.'.length);
  return JSON.parse(LZString.decompressFromEncodedURIComponent(data)) as TopologyDocument;
}

test('“Open ↗” always opens the full app at the step and with the diagram on show', async ({
  page,
}) => {
  await page.goto('/embed.html?story=system-3&step=2');
  await expect(page.locator('.react-flow__node').first()).toBeVisible(LOAD);
  const open = page.getByRole('link', { name: 'Open in Backend Playground' });
  await expect(open).toHaveAttribute('href', /\/#\/story\/system-3\/2$/);
  // Paused (no autoplay): moving through the story moves the link with it.
  await expect(page.locator('.bp-embed')).toHaveAttribute('data-state', 'paused');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByText('Step 3 of 9')).toBeVisible();
  await expect(open).toHaveAttribute('href', /\/#\/story\/system-3\/3$/);
  await page.getByRole('button', { name: 'Previous step' }).click();
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(open).toHaveAttribute('href', /\/#\/story\/system-3\/1$/);

  // An editable diagram: the link carries the reader's change.
  await page.goto(`/embed.html?readonly=0${docFragment(SMALL_DOC)}`);
  const users = page.locator('.react-flow__node[data-id="users"]');
  await expect(users).toBeVisible(LOAD);
  expect(docInLink((await open.getAttribute('href')) ?? '').nodes[0]!.label).toBe('Users');
  await users.dblclick();
  const name = page.getByRole('textbox', { name: 'Box name' });
  await name.fill('Shoppers');
  await name.press('Enter');
  await expect(users).toContainText('Shoppers');
  await expect
    .poll(async () => docInLink((await open.getAttribute('href')) ?? '').nodes[0]!.label)
    .toBe('Shoppers');
});

test('a read-only embed offers no editing: no rename, no label editing, no delete, no connect', async ({
  page,
}) => {
  await page.goto(`/embed.html${docFragment(SMALL_DOC)}`);
  const users = page.locator('.react-flow__node[data-id="users"]');
  await expect(users).toBeVisible(LOAD);
  await expect(page.locator('.bp-embed')).toHaveClass(/is-readonly/);
  // After each gesture, two frames (React has drawn whatever it opened): no field at all.
  const noField = async () => {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await expect(page.locator('.bp-embed__stage input')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
  };
  await users.dblclick();
  await noField();
  await page.locator('.bp-edge-label').dblclick();
  await noField();
  await page.locator('.react-flow__edge').first().dblclick({ force: true });
  await noField();
  // The keys that rename and delete in the editor do nothing here either.
  await users.click();
  await page.keyboard.press('F2');
  await noField();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await noField();
  await expect(users).toContainText('Users');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  // Nothing to drag or connect, and no inspector with fields.
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  const handle = page.locator('.react-flow__node[data-id="users"] .react-flow__handle').first();
  await expect(handle).toHaveCSS('pointer-events', 'none');
  const from = (await handle.boundingBox())!;
  const to = (await page.locator('.react-flow__node[data-id="app"]').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 20, to.y + 20, { steps: 8 });
  await expect(page.locator('.react-flow__connectionline')).toHaveCount(0);
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByRole('spinbutton')).toHaveCount(0);

  // With readonly=0 the same double-click renames (so the read-only check above is real).
  await page.goto(`/embed.html?readonly=0${docFragment(SMALL_DOC)}`);
  await page.locator('.react-flow__node[data-id="users"]').dblclick(LOAD);
  await expect(page.getByRole('textbox', { name: 'Box name' })).toBeVisible();
  // …and a story stays editable on every step, not only the first.
  await page.goto('/embed.html?story=system-1&step=1&readonly=0');
  await expect(page.locator('.react-flow__node.draggable').first()).toBeVisible(LOAD);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByText('Step 2 of 4')).toBeVisible();
  await expect(page.locator('.react-flow__node.draggable').first()).toBeVisible();
  await expect(page.locator('.react-flow__node:not(.draggable)')).toHaveCount(0);
});

function overlaps(a: DOMRectLike, b: DOMRectLike): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
type DOMRectLike = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<DOMRectLike | null> {
  return (await locator.count()) && (await locator.isVisible()) ? locator.boundingBox() : null;
}

test('small embeds show the diagram clear of the legend and zoom buttons, which never take clicks', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sizes = [
    { width: 360, height: 320, frame: 'small' },
    { width: 420, height: 300, frame: 'small' },
    { width: 640, height: 400, frame: 'medium' },
    { width: 1040, height: 600, frame: 'large' },
  ];
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.goto('/embed.html?story=system-3&step=2&autoplay=1');
    const root = page.locator('.bp-embed');
    await expect(root).toHaveAttribute('data-state', 'playing', LOAD);
    await expect(root).toHaveAttribute('data-frame', size.frame);
    const legend = page.locator('.bp-legend');
    const zoom = page.locator('.react-flow__controls');
    if (size.frame === 'small') {
      await expect(legend).toBeHidden();
      await expect(zoom).toBeHidden();
    } else {
      await expect(legend).toBeVisible();
      await expect(zoom).toBeVisible();
      await expect(legend).toHaveCSS('pointer-events', 'none');
    }
    // Wait for the framing to settle, then every box is inside the canvas, clear of both.
    const viewport = page.locator('.react-flow__viewport');
    let last = '';
    await expect
      .poll(async () => {
        const now = await viewport.evaluate((el) => getComputedStyle(el).transform);
        const steady = now === last;
        last = now;
        return steady;
      })
      .toBe(true);
    const stage = (await page.locator('.bp-embed__stage').boundingBox())!;
    const legendBox = await boxOf(legend);
    const zoomBox = await boxOf(zoom);
    const nodes = page.locator('.react-flow__node');
    for (let i = 0; i < (await nodes.count()); i++) {
      const box = (await nodes.nth(i).boundingBox())!;
      const where = `${size.width}×${size.height}, box ${i}`;
      expect(box.x, where).toBeGreaterThanOrEqual(stage.x);
      expect(box.y, where).toBeGreaterThanOrEqual(stage.y);
      expect(box.x + box.width, where).toBeLessThanOrEqual(stage.x + stage.width);
      expect(box.y + box.height, where).toBeLessThanOrEqual(stage.y + stage.height);
      if (legendBox) expect(overlaps(box, legendBox), `${where} under the legend`).toBe(false);
      if (zoomBox) expect(overlaps(box, zoomBox), `${where} under the zoom buttons`).toBe(false);
    }
    // A box is readable: not shrunk to a speck.
    const first = (await nodes.first().boundingBox())!;
    expect(first.width, `${size.width}×${size.height}`).toBeGreaterThan(40);
    if (legendBox) {
      // A click on the legend goes to whatever is under it, not to the legend.
      const hit = await page.evaluate(
        ({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.bp-legend'),
        { x: legendBox.x + legendBox.width / 2, y: legendBox.y + legendBox.height / 2 },
      );
      expect(hit).toBe(false);
    }
  }
});

test('an embed with nothing to show says so to its host page, and offers nothing to run', async ({
  page,
  baseURL,
}) => {
  type Received = { type: string; data: Record<string, unknown> };
  const received = () =>
    page.evaluate(() => (window as unknown as { received: Received[] }).received);
  for (const [url, why] of [
    ['embed.html?story=no-such-story', 'There is no story called “no-such-story”'],
    ['embed.html#/doc/v1.brokenbrokenbroken', 'This embedded diagram could not be read'],
  ] as const) {
    await foreignHost(page, `${baseURL}${url}`);
    const embed = page.frameLocator('#embed');
    await expect(embed.getByRole('alert')).toContainText(why, LOAD);
    // The host hears why, and gets `ready` anyway (its state says there is nothing to run).
    await expect.poll(async () => (await received()).map((m) => m.type)).toContain('ready');
    const messages = await received();
    const error = messages.find((m) => m.type === 'error');
    expect(error?.data.reason).toContain(why);
    const ready = messages.find((m) => m.type === 'ready')!;
    expect(ready.data).toMatchObject({ version: 1, state: 'error', title: null, story: null });
    expect(ready.data.error).toContain(why);
    await expect(embed.locator('.bp-embed')).toHaveAttribute('data-state', 'error');
    await expectNothingToRun(embed);
    // A command gets a warning back instead of silence.
    await page.evaluate(() => (window as unknown as { send: (t: string) => void }).send('play'));
    await expect
      .poll(async () => (await received()).find((m) => m.type === 'warning')?.data.message)
      .toMatch(/^play: nothing to run here\. /);
  }

  // A diagram with no boxes: said plainly, nothing to run, no editor hint.
  await page.goto(
    `/embed.html${docFragment({ version: 1, title: 'Empty', nodes: [], edges: [] })}`,
  );
  await expect(page.getByRole('status')).toContainText('This diagram has no boxes yet', LOAD);
  await expectNothingToRun(page);
});

async function expectNothingToRun(where: FrameLocator | Page): Promise<void> {
  for (const name of ['Play', 'Step', 'Reset run']) {
    await expect(where.getByRole('button', { name, exact: true })).toBeDisabled();
  }
  await expect(where.getByRole('combobox', { name: 'Speed' })).toBeDisabled();
  // The editor's empty-canvas hint is not for embeds.
  await expect(where.getByText('Drag a client from the left')).toBeHidden();
}

test('a step past the end is shown as the last step and named, from the URL or a command', async ({
  page,
  baseURL,
}) => {
  await page.goto('/embed.html?story=system-3&step=99');
  await expect(page.getByText('Step 9 of 9')).toBeVisible(LOAD);
  await expect(page.getByRole('note')).toContainText(
    'step 99 is past the end: System 3 has 9 steps; showing step 9',
  );
  await page.goto('/embed.html?story=system-3&step=abc');
  await expect(page.getByText('Step 1 of 9')).toBeVisible(LOAD);
  await expect(page.getByRole('note')).toContainText(
    'step=abc is not a step number (1, 2, 3…); showing step 1',
  );

  type Received = { type: string; data: Record<string, unknown> };
  await foreignHost(page, `${baseURL}embed.html?story=system-3&step=2`);
  const embed = page.frameLocator('#embed');
  await expect(embed.getByText('Step 2 of 9')).toBeVisible(LOAD);
  await page.evaluate(() =>
    (window as unknown as { send: (t: string, e: unknown) => void }).send('goToStep', {
      step: 99,
    }),
  );
  await expect(embed.getByText('Step 9 of 9')).toBeVisible();
  const warning = () =>
    page.evaluate(
      () =>
        (window as unknown as { received: Received[] }).received.find((m) => m.type === 'warning')
          ?.data,
    );
  await expect.poll(warning).toEqual(
    expect.objectContaining({
      command: 'goToStep',
      message: 'goToStep 99 is past the end: System 3 has 9 steps; showing step 9',
    }),
  );
});

test('the course page shows what an embed could not do as asked', async ({ page }) => {
  await page.goto('/course-example.html');
  const story = page.frameLocator('#embed-story');
  await expect(story.getByText('Step 2 of 9')).toBeVisible(LOAD);
  const note = page.locator('[data-note="story"]');
  await expect(note).toBeHidden();
  // As a page script would: ask for a step the story does not have.
  await page.evaluate(() => {
    const frame = document.getElementById('embed-story') as HTMLIFrameElement;
    frame.contentWindow!.postMessage(
      { source: 'backend-playground', type: 'goToStep', step: 99 },
      new URL(frame.src).origin,
    );
  });
  await expect(story.getByText('Step 9 of 9')).toBeVisible();
  await expect(note).toHaveText(
    'The embed says: goToStep 99 is past the end: System 3 has 9 steps; showing step 9',
  );
  await expect(readout(page, 'story', 'step')).toHaveText(/^9 of 9: /);
});
