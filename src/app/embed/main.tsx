// embed.html's entry: the app's canvas, stores and simulation for an iframe on a course page.
// No autosave here: an embed never writes over the visitor's own work in the full app.

import '../csp.ts';
import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { formatSize } from '../../io/documentText.ts';
import { decodeLink, isBigLink } from '../../state/offThread.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { parseEmbedParams } from '../../ui/share/embedOptions.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { type Loaded, loadEmbedContent, loadedDocument } from './load.ts';
import '../global.css';
import '../../ui/ui.css';
import '../../canvas/canvas.css';
import '../../ui/challenge/challenge.css';
import './embed.css';

const params = parseEmbedParams(window.location.search, window.location.hash);
const embedId = new URLSearchParams(window.location.search).get('id');
// Only the diagram: no minimap, no editor hint in a small frame.
useUiStore.setState({ minimap: false, hintVisible: false, bottomPanelOpen: false });
document.documentElement.dataset.theme = params.theme;
const root = createRoot(document.getElementById('root')!);
const show = (loaded: Loaded) =>
  root.render(
    <StrictMode>
      <EmbedApp params={params} loaded={loaded} embedId={embedId} />
    </StrictMode>,
  );

const fragment = params.docFragment;
if (fragment && isBigLink(fragment)) {
  // A big diagram is read off the main thread; the frame says so meanwhile.
  root.render(
    <div className="bp-embed__message bp-embed__message--info" role="status">
      <strong>Opening the diagram ({formatSize(fragment.length)})…</strong>
    </div>,
  );
  void decodeLink(fragment).then((result) => show(loadedDocument(result, params)));
} else {
  void loadEmbedContent(params).then(show);
}
