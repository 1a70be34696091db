// What a file dropped on the canvas opens: Mermaid text goes to the Mermaid import, a
// compose.yaml or nginx.conf to the config import, an access log replays as the traffic of
// the client box it was dropped on, anything else opens as a diagram (then framed). The
// canvas loads this on the first drop, with the file and the box under the pointer.

import { isMermaidFileName } from '../io/mermaid/blocks.ts';
import { isConfigFileName, openConfigFile } from './actions/importConfig.ts';
import { openMermaidFile } from './actions/importMermaid.ts';
import { useDocumentStore } from './documentStore.ts';
import { isLogFileName, replayLogFile } from './logDrop.ts';
import { services } from './services.ts';
import { notify } from './uiStore.ts';

export async function openDroppedFile(file: File, onBox: string | undefined): Promise<void> {
  if (isMermaidFileName(file.name)) {
    await openMermaidFile(file);
    return;
  }
  if (isConfigFileName(file.name)) {
    await openConfigFile(file);
    return;
  }
  if (isLogFileName(file.name)) {
    const node = useDocumentStore.getState().doc.nodes.find((n) => n.id === onBox);
    if (node?.kind === 'client') await replayLogFile(file, node.id);
    else
      notify('error', `Drop ${file.name} on a client box to replay it as that client’s traffic.`);
    return;
  }
  // Open's loaders (stories, challenges) load on first use.
  const { openDocumentFile } = await import('./files.ts');
  if (await openDocumentFile(file)) requestAnimationFrame(() => services.canvas?.fitView());
}
