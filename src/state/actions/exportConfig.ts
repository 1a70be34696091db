// File → Export Docker Compose… / Export nginx.conf…: one dialog (src/ui/config) showing
// every file of the stack, opened on compose.yaml or on the nginx.conf.

import { useDocumentStore } from '../documentStore.ts';
import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

/** The dialog's two doors: opened on compose.yaml, or on the nginx.conf. */
export const EXPORT_COMPOSE_DIALOG = 'export-compose';
export const EXPORT_NGINX_DIALOG = 'export-nginx';

export const exportComposeAction: Action = {
  id: 'export-compose',
  label: 'Export Docker Compose…',
  description:
    'The diagram as a runnable stack: compose.yaml, nginx.conf and a README, to copy or download as a zip.',
  menu: 'file',
  section: 4,
  order: 1,
  predicate: () => useDocumentStore.getState().doc.nodes.some((n) => n.kind !== 'group'),
  perform: () => useUiStore.getState().openDialog({ id: EXPORT_COMPOSE_DIALOG }),
};

export const exportNginxAction: Action = {
  id: 'export-nginx',
  label: 'Export nginx.conf…',
  description: 'The nginx in the diagram as an nginx.conf: upstreams, locations, TLS and timeouts.',
  menu: 'file',
  section: 4,
  order: 2,
  predicate: () =>
    useDocumentStore.getState().doc.nodes.some((n) => n.kind === 'proxy' || n.kind === 'lb'),
  perform: () => useUiStore.getState().openDialog({ id: EXPORT_NGINX_DIALOG }),
};
