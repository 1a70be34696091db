// What went wrong with a file (or anything loaded), each problem named by its JSON path.

import type { DialogRequest } from '../../state/uiStore.ts';
import { Dialog } from './Dialog.tsx';
import './dialogs.css';

export function ProblemDialog({
  request,
  onClose,
}: {
  request: DialogRequest;
  onClose: () => void;
}) {
  const issues = request.issues ?? [];
  return (
    <Dialog title={request.title ?? 'Something is wrong'} onClose={onClose}>
      {request.message ? <p>{request.message}</p> : null}
      <ul className="bp-issues">
        {issues.slice(0, 20).map((i) => (
          <li key={`${i.path}:${i.message}`}>
            <code>{i.path}</code> {i.message}
          </li>
        ))}
        {issues.length > 20 ? <li>…and {issues.length - 20} more</li> : null}
      </ul>
      <div className="bp-dialog__foot">
        <button type="button" className="bp-btn bp-btn--primary" onClick={onClose}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
