import './csp.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreSavedDocument, startAutosave } from '../state/autosave.ts';
import { retireHintOnceUsed } from '../state/hint.ts';
import { prefetchLinkedChallenge } from '../ui/challenge/ChallengeRoot.tsx';
import { prefetchLinkedStory } from '../ui/story/StoryRoot.tsx';
import { App } from './App.tsx';
import './global.css';

// The saved document (or the example on a first visit) is in the store before the first
// render, so the canvas fits the right diagram.
restoreSavedDocument();
startAutosave();
retireHintOnceUsed();
// A #/story/… or #/challenge/… link: what it opens starts loading alongside the first render.
prefetchLinkedStory();
prefetchLinkedChallenge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
