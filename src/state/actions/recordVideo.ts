import { useDocumentStore } from '../documentStore.ts';
import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const recordVideoAction: Action = {
  id: 'record-video',
  label: 'Record a video…',
  description:
    'Record 5 to 60 seconds of the running canvas as a WebM or MP4 video or an animated GIF, with an optional caption.',
  menu: 'file',
  section: 2,
  order: 2,
  predicate: () => useDocumentStore.getState().doc.nodes.length > 0,
  perform: () => useUiStore.getState().openDialog({ id: 'record' }),
};
