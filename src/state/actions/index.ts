// The actions registry: every editor command, one file each. To add a command, write a file
// exporting an Action and list it here; menus, keys and the shortcuts overlay pick it up.

import { autoLayoutAction } from './autoLayout.ts';
import {
  challengeHintAction,
  checkDesignAction,
  leaveChallengeAction,
  openChallengeAction,
  replayGradeAction,
  startOverAction,
} from './challenge.ts';
import { crashAction, cutLinkAction, restartAction, restoreLinkAction } from './chaos.ts';
import { copyAction } from './copy.ts';
import { deleteAction } from './delete.ts';
import { duplicateAction } from './duplicate.ts';
import { embedAction } from './embed.ts';
import { exportPngAction } from './exportPng.ts';
import { exportSvgAction } from './exportSvg.ts';
import { exportComposeAction, exportNginxAction } from './exportConfig.ts';
import { exportMermaidAction } from './exportMermaid.ts';
import { fitViewAction } from './fitView.ts';
import { shortcutsAction, showHintAction } from './help.ts';
import { importConfigAction } from './importConfig.ts';
import { importMermaidAction } from './importMermaid.ts';
import { newDocumentAction } from './newDocument.ts';
import { openDocumentAction } from './openDocument.ts';
import { pasteAction } from './paste.ts';
import { recordVideoAction } from './recordVideo.ts';
import { playPauseAction } from './playPause.ts';
import { redoAction } from './redo.ts';
import { renameAction } from './rename.ts';
import { resetSimulationAction } from './resetSimulation.ts';
import { runFastAction } from './runFast.ts';
import { saveDocumentAction } from './saveDocument.ts';
import { selectAllAction } from './selectAll.ts';
import { fasterAction, slowerAction } from './speed.ts';
import { stepSimulationAction } from './stepSimulation.ts';
import { shareAction } from './share.ts';
import {
  leavePresenterAction,
  leaveStoryAction,
  nextStepAction,
  openStoryAction,
  presenterAction,
  previousStepAction,
  resetStepAction,
  tryItAction,
} from './story.ts';
import type { Action } from './types.ts';
import { undoAction } from './undo.ts';
import { bottomPanelAction, minimapAction, snapToGridAction } from './viewToggles.ts';
import { zoomInAction, zoomOutAction } from './zoom.ts';

export const ACTIONS: readonly Action[] = [
  newDocumentAction,
  openDocumentAction,
  saveDocumentAction,
  shareAction,
  embedAction,
  exportPngAction,
  exportSvgAction,
  recordVideoAction,
  importMermaidAction,
  exportMermaidAction,
  importConfigAction,
  exportComposeAction,
  exportNginxAction,
  undoAction,
  redoAction,
  copyAction,
  pasteAction,
  duplicateAction,
  deleteAction,
  selectAllAction,
  renameAction,
  fitViewAction,
  zoomInAction,
  zoomOutAction,
  autoLayoutAction,
  snapToGridAction,
  minimapAction,
  bottomPanelAction,
  shortcutsAction,
  showHintAction,
  openStoryAction,
  nextStepAction,
  previousStepAction,
  tryItAction,
  resetStepAction,
  presenterAction,
  leavePresenterAction,
  leaveStoryAction,
  openChallengeAction,
  checkDesignAction,
  challengeHintAction,
  replayGradeAction,
  startOverAction,
  leaveChallengeAction,
  playPauseAction,
  stepSimulationAction,
  resetSimulationAction,
  runFastAction,
  fasterAction,
  slowerAction,
  crashAction,
  restartAction,
  cutLinkAction,
  restoreLinkAction,
];
