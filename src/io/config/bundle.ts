// The whole stack as files: compose.yaml, one nginx.conf per nginx, a placeholder app
// image and a README saying what was mapped from the diagram and what is only a
// placeholder; zipped for the download.

import { strToU8, zipSync } from 'fflate';
import { KINDS } from '../../model/kinds.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { exportCompose } from '../compose/export.ts';
import { mermaidFileName } from '../mermaid/export.ts';
import { exportNginx } from '../nginx/export.ts';
import { CONFIG_KINDS } from './kinds.ts';
import { makePlan } from './plan.ts';

export interface StackFile {
  path: string;
  text: string;
}

export interface StackExport {
  /** compose.yaml first, then the nginx.conf files, the app image and README.md. */
  files: StackFile[];
  compose: string;
  nginx: { nodeId: string; label: string; path: string; text: string }[];
  /** What each box became, in document order. */
  boxes: {
    id: string;
    label: string;
    kind: TopologyDocument['nodes'][number]['kind'];
    where: string;
  }[];
  notes: string[];
}

export const APP_DOCKERFILE = `# Placeholder image for the app servers, workers and cron jobs of this stack: replace it
# with your application's Dockerfile. It answers GET /health on port 8080 so the stack
# starts as exported; with ROLE=worker or ROLE=cron it only waits.
FROM busybox:1.36
RUN mkdir -p /www && echo ok > /www/health
EXPOSE 8080
CMD ["sh", "-c", "if [ \\"\${ROLE:-web}\\" = web ]; then exec httpd -f -p \\"\${PORT:-8080}\\" -h /www; else echo \\"\${ROLE}: placeholder, replace app/Dockerfile\\"; exec sleep 2147483647; fi"]
`;

const said = (text: string) =>
  text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[|`*_]/g, (c) => `\\${c}`);

export function exportStack(doc: TopologyDocument): StackExport {
  const plan = makePlan(doc);
  const compose = exportCompose(doc, plan);
  const nginx = exportNginx(doc, plan);
  const notes = [...compose.notes, ...nginx.notes];
  const files: StackFile[] = [{ path: 'compose.yaml', text: compose.text }];
  for (const f of nginx.files) files.push({ path: f.path, text: f.text });
  const built = plan.services.some(
    (s) => CONFIG_KINDS[s.kind].service && ['app', 'worker', 'cron'].includes(s.kind),
  );
  if (built) files.push({ path: 'app/Dockerfile', text: APP_DOCKERFILE });
  const tls = plan.nginx.some((n) => n.kind === 'proxy' && n.config.tls !== false);

  const lines: string[] = [
    `# ${said(doc.title)}: the stack`,
    '',
    'Written by Backend Playground from the diagram. Start it with Docker Compose:',
    '',
    '```sh',
    ...(tls
      ? [
          '# TLS placeholders: a self-signed certificate for trying it locally',
          'mkdir -p certs && openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost \\',
          '  -keyout certs/privkey.pem -out certs/fullchain.pem',
        ]
      : []),
    'docker compose up --build',
    '```',
    '',
    '## Files',
    '',
    '- `compose.yaml`: one service per box that runs as a container; its `x-playground` block keeps the diagram (labels, positions, settings), so importing it into Backend Playground gives the diagram back.',
    ...nginx.files.map(
      (f) =>
        `- \`${f.path}\`: the nginx of “${said(f.node.label || f.node.id)}”. Check it with \`nginx -t\`.`,
    ),
    ...(built
      ? [
          '- `app/Dockerfile`: a **placeholder** image for the app servers, workers and cron jobs. Replace it with your application.',
        ]
      : []),
    '',
    '## What each box became',
    '',
    '| box | kind | in the stack |',
    '| --- | --- | --- |',
  ];
  const boxes = doc.nodes.map((n) => {
    const row = CONFIG_KINDS[n.kind];
    const name = plan.name.get(n.id);
    let where: string;
    if (n.kind === 'group') where = `network \`${plan.network.get(n.id)}\``;
    else if (row.outside) where = `not a service: ${row.outside}`;
    else if (plan.folded.has(n.id)) {
      where = `\`upstream ${name}\` in ${plan.folded
        .get(n.id)!
        .map((p) => `\`${plan.conf.get(p.id)}\``)
        .join(', ')}`;
    } else
      where = `service \`${name}\`${plan.conf.has(n.id) ? ` with \`${plan.conf.get(n.id)}\`` : ''}`;
    return { id: n.id, label: n.label || n.id, kind: n.kind, where };
  });
  for (const b of boxes) lines.push(`| ${said(b.label)} | ${KINDS[b.kind].title} | ${b.where} |`);
  lines.push('', '## How kinds are written', '');
  const kinds = [...new Set(doc.nodes.map((n) => n.kind))];
  for (const k of kinds) lines.push(`- **${KINDS[k].title}**: ${CONFIG_KINDS[k].written}.`);
  lines.push(
    '',
    '## Only placeholders',
    '',
    '- Passwords (`app` / `change-me`) and the database name: change them before this runs anywhere but your laptop.',
    ...(tls
      ? [
          '- `certs/fullchain.pem` and `certs/privkey.pem`: your real certificate (Let’s Encrypt, say); the command above makes a self-signed one.',
        ]
      : []),
    ...(built
      ? ['- The app image (`app/Dockerfile`): it answers `/health` and nothing else.']
      : []),
    ...(doc.nodes.some((n) => n.kind === 'external')
      ? ['- `*_URL` of external APIs (`https://<name>.example.com`): their real addresses.']
      : []),
    '- Times of the simulation (work per request, read and write times, latencies, traffic): they describe how the boxes behave in the playground, not settings of the images.',
  );
  if (notes.length) {
    lines.push('', '## Notes', '');
    for (const note of notes) lines.push(`- ${said(note)}`);
  }
  lines.push('');
  files.push({ path: 'README.md', text: lines.join('\n') });
  return {
    files,
    compose: compose.text,
    boxes,
    nginx: nginx.files.map((f) => ({
      nodeId: f.node.id,
      label: f.node.label || f.node.id,
      path: f.path,
      text: f.text,
    })),
    notes,
  };
}

/** The files as a zip, in one folder named after the diagram. */
export function zipStack(stack: StackExport, title: string): Uint8Array {
  const folder = stackFileName(title).replace(/\.zip$/, '');
  const entries: Record<string, Uint8Array> = {};
  for (const f of stack.files) entries[`${folder}/${f.path}`] = strToU8(f.text);
  return zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

/** `Shop v2 / prod` → `Shop v2 prod-stack.zip`, safe on every system. */
export function stackFileName(title: string): string {
  return `${mermaidFileName(title).replace(/\.mmd$/, '')}-stack.zip`;
}
