// The app shell. Named slots others plug into:
//   <TopBar toolbar={…}/>   run controls (play/pause/step/speed) go in `toolbar`
//   <BottomPanel>…</BottomPanel>   live charts and run details
//   DIALOGS in ./dialogs.tsx        modal dialogs by id
//   src/state/actions/index.ts      commands, their menus and shortcuts
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Canvas } from '../canvas/Canvas.tsx';
import { BottomPanel } from '../ui/BottomPanel.tsx';
import { Inspector } from '../ui/inspector/Inspector.tsx';
import { Palette } from '../ui/Palette.tsx';
import { Toasts } from '../ui/Toasts.tsx';
import { TopBar } from '../ui/TopBar.tsx';
import { useKeyboardShortcuts } from '../ui/useKeyboardShortcuts.ts';
import { Dialogs } from './dialogs.tsx';
import { FileInput } from './FileInput.tsx';
import '../ui/ui.css';
import '../canvas/canvas.css';

export function App() {
  useKeyboardShortcuts();
  return (
    <ReactFlowProvider>
      <div className="bp-app">
        <TopBar />
        <div className="bp-main">
          <Palette />
          <main className="bp-center">
            <div className="bp-stage">
              <Canvas />
              <Toasts />
            </div>
            <BottomPanel />
          </main>
          <Inspector />
        </div>
        <Dialogs />
        <FileInput />
      </div>
    </ReactFlowProvider>
  );
}
