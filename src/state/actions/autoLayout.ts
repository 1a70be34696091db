import { useDocumentStore } from '../documentStore.ts';
import { services } from '../services.ts';
import { notify } from '../uiStore.ts';
import type { Action } from './types.ts';

export const autoLayoutAction: Action = {
  id: 'auto-layout',
  label: 'Tidy up (auto-layout)',
  description: 'Arrange the boxes along the flow, hosts around their boxes, nothing overlapping.',
  keys: ['Shift+L'],
  menu: 'view',
  section: 1,
  order: 0,
  predicate: () => useDocumentStore.getState().doc.nodes.length > 0,
  perform: async () => {
    const before = useDocumentStore.getState().doc;
    try {
      // The layout code (and elk behind it) loads on first use.
      const { layoutDocument } = await import('../../io/layout.ts');
      const laid = await layoutDocument(before, { direction: before.direction ?? 'LR' });
      // Edits made while the layout was computing win: only apply onto the same document.
      if (useDocumentStore.getState().doc !== before) return;
      useDocumentStore.getState().change('Auto-layout', () => laid);
      requestAnimationFrame(() => services.canvas?.fitView());
    } catch (err) {
      notify('error', `Auto-layout failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  },
};
