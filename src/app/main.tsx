import './csp.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreSavedDocument, retireHintOnceUsed, startAutosave } from '../state/autosave.ts';
import { App } from './App.tsx';
import './global.css';

// The saved document (or the example on a first visit) is in the store before the first
// render, so the canvas fits the right diagram.
restoreSavedDocument();
startAutosave();
retireHintOnceUsed();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
