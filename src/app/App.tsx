// The app shell. Named slots others plug into:
//   <TopBar toolbar={…}/>   run controls (play/pause/step/speed) go in `toolbar`
//   <BottomPanel>…</BottomPanel>   live charts and run details
//   DIALOGS in ./dialogs.tsx        modal dialogs by id
//   src/state/actions/index.ts      commands, their menus and shortcuts
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Canvas } from '../canvas/Canvas.tsx';
import { BottomPanel } from '../ui/BottomPanel.tsx';
import { InspectorRoot } from '../ui/inspector/InspectorRoot.tsx';
import { LivePanel } from '../ui/live/LivePanel.tsx';
import { LiveRoot } from '../ui/live/LiveRoot.tsx';
import { RunControls } from '../ui/live/RunControls.tsx';
import { Palette } from '../ui/Palette.tsx';
import { BusyNote } from '../ui/BusyNote.tsx';
import { ShareRoot } from '../ui/share/ShareRoot.tsx';
import { RecordRoot } from '../ui/record/RecordRoot.tsx';
import { StoryPanel, StoryRoot } from '../ui/story/StoryRoot.tsx';
import { TabBanner } from '../ui/TabBanner.tsx';
import { Toasts } from '../ui/Toasts.tsx';
import { TopBar } from '../ui/TopBar.tsx';
import { useKeyboardShortcuts } from '../ui/useKeyboardShortcuts.ts';
import { Dialogs } from './dialogs.tsx';
import { FileInput } from './FileInput.tsx';
import '../ui/ui.css';
import '../canvas/canvas.css';
import '../ui/story/story.css';
import { useChallengeStore } from '../state/challengeStore.ts';
import { useStoryStore } from '../state/storyStore.ts';
import { ChallengePanel, ChallengeRoot } from '../ui/challenge/ChallengeRoot.tsx';
import '../ui/challenge/challenge.css';
import { Lazy, loadOnFirstUse } from '../ui/Loading.tsx';

// The story and challenge panels (StoryRoot, ChallengeRoot) load when a story or a challenge
// opens; presenter mode's caption (with the live captions' switch) when presenting starts.
const PresenterCaption = loadOnFirstUse(() =>
  import('../ui/story/PresenterCaption.tsx').then((m) => m.PresenterCaption),
);

export function App() {
  useKeyboardShortcuts();
  // Story mode: the story panel takes the palette's place (the palette returns beside it
  // when the learner unlocks editing); presenter mode leaves only the canvas and a caption.
  const story = useStoryStore((s) => s.scenario !== null);
  const editing = useStoryStore((s) => s.editing);
  const presenter = useStoryStore((s) => s.presenter);
  // Challenge mode: the challenge panel sits before the palette (the learner designs).
  const challenge = useChallengeStore((s) => s.challenge !== null);
  return (
    <ReactFlowProvider>
      <div
        className={`bp-app${presenter ? ' bp-app--presenter' : ''}${story && !editing ? ' bp-app--story' : ''}${challenge ? ' bp-app--challenge' : ''}`}
      >
        {presenter ? null : <TopBar toolbar={<RunControls />} />}
        <div className="bp-main">
          {presenter ? null : story ? (
            <Lazy what="the story">
              <StoryPanel />
            </Lazy>
          ) : challenge ? (
            <Lazy what="the challenge">
              <ChallengePanel />
            </Lazy>
          ) : null}
          {presenter || (story && !editing) ? null : <Palette />}
          <main className="bp-center">
            <ShareRoot />
            {presenter ? null : <TabBanner />}
            <div className="bp-stage">
              <Canvas />
              <BusyNote />
              <Toasts />
              <LiveRoot />
              <RecordRoot />
              {presenter ? (
                <Lazy what="the caption">
                  <PresenterCaption />
                </Lazy>
              ) : null}
            </div>
            {presenter ? null : (
              <BottomPanel>
                <LivePanel />
              </BottomPanel>
            )}
          </main>
          {presenter ? null : <InspectorRoot />}
        </div>
        <StoryRoot />
        <ChallengeRoot />
        <Dialogs />
        <FileInput />
      </div>
    </ReactFlowProvider>
  );
}
