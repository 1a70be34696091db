import { largeFlowchart } from './mermaid.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';
await loadMermaid();
const text = largeFlowchart();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < 9; i++) {
  const c0 = cpu();
  const r = await importMermaid(text);
  console.log(i, Math.round(cpu() - c0), 'ms', r.ok);
}
