import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../model/example.ts';
import { exportStack, stackFileName, zipStack } from './bundle.ts';
import { detectFormat } from './detect.ts';
import { duration, parseBytes, parseDuration, serviceName, slug } from './names.ts';

describe('names and units', () => {
  it('writes and reads durations the way Compose and nginx do', () => {
    expect([500, 2000, 90_000, 0, 1500.4].map(duration)).toEqual([
      '500ms',
      '2s',
      '90s',
      '0s',
      '1500ms',
    ]);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('60')).toBe(60_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('2 s')).toBeNull();
    expect(parseBytes('64mb')).toBe(64 * 1024 ** 2);
    expect(parseBytes('100k')).toBe(100_000);
    expect(parseBytes('lots')).toBeNull();
  });

  it('names services as Compose, Docker DNS and nginx accept them', () => {
    expect(slug('Orders DB (EU)')).toBe('orders-db-eu');
    expect(slug('2nd app')).toBe('box-2nd-app');
    expect(slug('情報')).toBe('box');
    expect(serviceName('app_servers')).toBe('app_servers');
    expect(serviceName('App 1')).toBe('app-1');
  });

  it('tells compose files, nginx.conf and Mermaid apart by name, then by content', () => {
    expect(detectFormat('', 'docker-compose.yml')).toBe('compose');
    expect(detectFormat('', 'site.conf')).toBe('nginx');
    expect(detectFormat('', 'README.md')).toBe('mermaid');
    expect(detectFormat('# a stack\nservices:\n  web:\n    image: nginx\n')).toBe('compose');
    expect(detectFormat('user nginx;\nhttp {\n}\n')).toBe('nginx');
    expect(detectFormat('server {\n  listen 80;\n}\n')).toBe('nginx');
    expect(detectFormat('flowchart LR\n  A --> B\n')).toBe('mermaid');
    expect(detectFormat('hello')).toBe('unknown');
  });
});

describe('the stack bundle', () => {
  it('zips compose.yaml, nginx.conf, the placeholder app and a README in a folder named like the zip', () => {
    const stack = exportStack(exampleDocument());
    const files = unzipSync(zipStack(stack, 'My first backend'));
    expect(Object.keys(files)).toEqual([
      'My first backend-stack/compose.yaml',
      'My first backend-stack/nginx/nginx.conf',
      'My first backend-stack/app/Dockerfile',
      'My first backend-stack/README.md',
    ]);
    expect(strFromU8(files['My first backend-stack/compose.yaml']!)).toBe(stack.compose);
    expect(stackFileName('Shop v2 / prod')).toBe('Shop v2 prod-stack.zip');
  });

  it('says in the README what each box became and what is only a placeholder', () => {
    const readme = exportStack(exampleDocument()).files.find((f) => f.path === 'README.md')!.text;
    expect(readme).toContain(
      '| Load balancer | Load balancer | `upstream lb` in `nginx/nginx.conf` |',
    );
    expect(readme).toContain('| Users | Client | not a service: users are outside the stack');
    expect(readme).toContain('## Only placeholders');
    expect(readme).toContain('certs/fullchain.pem');
    expect(readme).toMatch(/openssl req -x509/);
  });
});
