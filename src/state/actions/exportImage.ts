// Shared by Export PNG and Export SVG: the canvas draws the picture (src/ui/share registers
// it in services); this names the file after the diagram and reports failures.

import { useDocumentStore } from '../documentStore.ts';
import { services } from '../services.ts';
import { notify } from '../uiStore.ts';

export async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const exporter = services.exportImage;
  if (!exporter) {
    notify('error', 'The canvas is not ready yet; try again in a moment.');
    return;
  }
  try {
    await exporter(format, useDocumentStore.getState().doc.title);
  } catch (err) {
    notify(
      'error',
      `Could not export the ${format.toUpperCase()} image: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
