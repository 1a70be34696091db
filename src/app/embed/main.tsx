// embed.html's entry: the app's canvas, stores and simulation for an iframe on a course page.
// No autosave here: an embed never writes over the visitor's own work in the full app.

import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useUiStore } from '../../state/uiStore.ts';
import { parseEmbedParams } from '../../ui/share/embedOptions.ts';
import { EmbedApp } from './EmbedApp.tsx';
import { loadEmbedContent } from './load.ts';
import '../global.css';
import '../../ui/ui.css';
import '../../canvas/canvas.css';
import '../../ui/challenge/challenge.css';
import './embed.css';

const params = parseEmbedParams(window.location.search, window.location.hash);
const embedId = new URLSearchParams(window.location.search).get('id');
// Only the diagram: no minimap, no editor hint in a small frame.
useUiStore.setState({ minimap: false, hintVisible: false, bottomPanelOpen: false });
const loaded = loadEmbedContent(params);
document.documentElement.dataset.theme = params.theme;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EmbedApp params={params} loaded={loaded} embedId={embedId} />
  </StrictMode>,
);
