// The challenge beside the canvas: the brief, the goals (and, after Check, each one passed or
// missed with its figure and the box behind a miss), the budget against what the design
// costs, what happens during the run, the rules, hints one at a time, and Check itself with
// its progress and a Cancel. `compact` is the embed's narrower version.

import { useMemo } from 'react';
import { designCost, formatUsd } from '../../model/cost.ts';
import { KINDS, fieldSpec } from '../../model/kinds.ts';
import type { NodeKind } from '../../model/types.ts';
import {
  crashKindsText,
  describeScriptAction,
  type GoalRow,
  goalLabel,
} from '../../story/challenge/grade.ts';
import type { Challenge } from '../../story/challenge/load.ts';
import { runAction } from '../../state/actions/run.ts';
import { resultKey, useChallengeStore } from '../../state/challengeStore.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { Narrative } from '../story/Narrative.tsx';
import { bestText } from './best.ts';
import { Difficulty } from './Difficulty.tsx';
import { GradeCharts } from './GradeCharts.tsx';
import './panel.css';

export function ChallengePanel({ compact = false }: { compact?: boolean }) {
  const challenge = useChallengeStore((s) => s.challenge);
  if (!challenge) return null;
  return <Panel challenge={challenge} compact={compact} />;
}

function Panel({ challenge, compact }: { challenge: Challenge; compact: boolean }) {
  const best = useChallengeStore((s) => s.best[resultKey(s)]);
  const persist = useChallengeStore((s) => s.persist);
  const origin = useChallengeStore((s) => s.origin);
  return (
    <aside
      className={`bp-challenge${compact ? ' bp-challenge--compact' : ''}`}
      aria-label="Challenge"
    >
      <header className="bp-challenge__head">
        <div className="bp-challenge__kicker">
          <span>
            Challenge <Difficulty level={challenge.difficulty} />
          </span>
          {origin === 'embed' ? null : (
            <button
              type="button"
              className="bp-btn bp-btn--ghost bp-challenge__leave"
              onClick={() => runAction('challenge-leave', 'toolbar')}
            >
              Leave challenge
            </button>
          )}
        </div>
        <h2 className="bp-challenge__title">{challenge.title}</h2>
        {persist ? (
          <p className="bp-challenge__best" data-testid="challenge-best">
            Best: {bestText(best)}
          </p>
        ) : null}
      </header>
      <div className="bp-challenge__body">
        <Narrative text={challenge.brief} className="bp-challenge__brief" />
        <Goals challenge={challenge} />
        <Budget challenge={challenge} />
        <GradedRun />
        <Script challenge={challenge} />
        <Rules challenge={challenge} />
        <Hints challenge={challenge} />
      </div>
      <footer className="bp-challenge__foot">
        <CheckControls />
      </footer>
    </aside>
  );
}

function useNames(): (id: string) => string {
  const nodes = useDocumentStore((s) => s.doc.nodes);
  return useMemo(() => {
    const labels = new Map(nodes.map((n) => [n.id, n.label]));
    return (id: string) => labels.get(id) ?? id;
  }, [nodes]);
}

function Goals({ challenge }: { challenge: Challenge }) {
  const grade = useChallengeStore((s) => s.grade);
  const gradedDoc = useChallengeStore((s) => s.gradedDoc);
  const doc = useDocumentStore((s) => s.doc);
  const name = useNames();
  const rows: (GoalRow | { id: string; label: string; pending: true; why?: string })[] = grade
    ? grade.rows
    : [
        ...challenge.goals.map((g, i) => ({
          id: `goal-${i}`,
          label: goalLabel(g, name),
          pending: true as const,
          ...(g.why ? { why: g.why } : {}),
        })),
        ...(challenge.constraints.budgetUsd !== null
          ? [
              {
                id: 'budget',
                label: `Monthly budget ≤ ${formatUsd(challenge.constraints.budgetUsd)}`,
                pending: true as const,
              },
            ]
          : []),
        { id: 'rules', label: 'Keeps to the challenge’s rules', pending: true as const },
      ];
  return (
    <section className="bp-challenge__section" aria-label="Goals">
      <h3 className="bp-challenge__h">Goals</h3>
      {grade && gradedDoc !== doc ? (
        <p className="bp-challenge__stale">
          You changed the design since this Check: press Check again to grade it.
        </p>
      ) : null}
      <ul className="bp-challenge__goals" data-testid="challenge-goals">
        {rows.map((r) =>
          'pending' in r ? (
            <li key={r.id} className="bp-goal" data-goal={r.id}>
              <span className="bp-goal__mark" aria-hidden="true">
                ○
              </span>
              <span className="bp-goal__label">{r.label}</span>
              {r.why ? <span className="bp-goal__why">{r.why}</span> : null}
            </li>
          ) : (
            <GoalResult key={r.id} row={r} />
          ),
        )}
      </ul>
    </section>
  );
}

function GoalResult({ row }: { row: GoalRow }) {
  return (
    <li
      className={`bp-goal ${row.passed ? 'is-passed' : 'is-missed'}`}
      data-goal={row.id}
      data-passed={row.passed}
    >
      <span className="bp-goal__mark" aria-hidden="true">
        {row.passed ? '✓' : '✗'}
      </span>
      <span className="bp-goal__label">
        <span className="bp-sr">{row.passed ? 'Passed: ' : 'Missed: '}</span>
        {row.label}
      </span>
      <span className="bp-goal__figure">
        {row.kind === 'rules' ? (row.passed ? 'yes' : row.display) : row.display}
        {row.where ? <span className="bp-goal__where"> {row.where}</span> : null}
      </span>
      {row.cause ? (
        row.cause.node ? (
          <button
            type="button"
            className="bp-goal__cause"
            title="Select this box on the canvas"
            onClick={() => useSelectionStore.getState().select([row.cause!.node!])}
          >
            {row.cause.text}
          </button>
        ) : (
          <span className="bp-goal__cause">{row.cause.text}</span>
        )
      ) : null}
    </li>
  );
}

function Budget({ challenge }: { challenge: Challenge }) {
  const doc = useDocumentStore((s) => s.doc);
  const total = useMemo(() => designCost(doc).totalUsd, [doc]);
  const budget = challenge.constraints.budgetUsd;
  const over = budget !== null && total > budget;
  return (
    <p className={`bp-challenge__budget${over ? ' is-over' : ''}`} data-testid="challenge-budget">
      {budget !== null ? (
        <>
          Budget <strong>{formatUsd(budget)}</strong> a month · this design{' '}
          <strong>{formatUsd(total)}</strong>
          {over ? ' (over budget)' : ''}
        </>
      ) : (
        <>
          This design costs <strong>{formatUsd(total)}</strong> a month
        </>
      )}
    </p>
  );
}

function GradedRun() {
  const grade = useChallengeStore((s) => s.grade);
  if (grade?.status !== 'graded' || !grade.shown.series.length) return null;
  return (
    <section className="bp-challenge__section" aria-label="The graded run">
      <h3 className="bp-challenge__h">
        The graded run{grade.shown.where ? `, ${grade.shown.where}` : ''}
      </h3>
      <GradeCharts grade={grade} />
      <button
        type="button"
        className="bp-btn"
        onClick={() => runAction('challenge-replay', 'toolbar')}
        title="Play this run on the canvas, with the same seed and events"
      >
        ▶ Watch it live
      </button>
      {grade.notes.length ? (
        <ul className="bp-challenge__notes" aria-label="What grading put back">
          {grade.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Script({ challenge }: { challenge: Challenge }) {
  const doc = useDocumentStore((s) => s.doc);
  if (!challenge.script.length) return null;
  return (
    <section className="bp-challenge__section" aria-label="What happens during the run">
      <h3 className="bp-challenge__h">
        What happens in the {Math.round(challenge.run.durationMs / 1000)} s run
      </h3>
      <ul className="bp-challenge__script">
        {challenge.script.map((e) => (
          <li key={`${e.atMs}:${JSON.stringify(e.action)}`}>
            <span className="bp-challenge__at">{Math.round(e.atMs / 100) / 10} s</span>{' '}
            {e.action.type === 'crashAny'
              ? `${e.label ?? 'One box crashes'}: each of these in turn (${crashKindsText(e.action.kinds)})`
              : (e.label ?? describeScriptAction(doc, e.action))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Rules({ challenge }: { challenge: Challenge }) {
  const { kinds, keep, fixed } = challenge.constraints;
  const labels = new Map(challenge.start.nodes.map((n) => [n.id, n.label]));
  const kept = keep.filter(
    (id) => challenge.start.nodes.find((n) => n.id === id)?.kind !== 'client',
  );
  const fixedText = Object.entries(fixed)
    .filter(([, keys]) => keys?.length)
    .map(
      ([kind, keys]) =>
        `${KINDS[kind as NodeKind].title}: ${keys!.map((k) => fieldSpec(kind as NodeKind, k)?.label ?? k).join(', ')}`,
    );
  return (
    <section className="bp-challenge__section" aria-label="Rules">
      <h3 className="bp-challenge__h">Rules</h3>
      <ul className="bp-challenge__rules">
        <li>The users and their traffic are the challenge’s: they are put back at every Check.</li>
        {kinds ? <li>Boxes you may use: {kinds.map((k) => KINDS[k].title).join(', ')}.</li> : null}
        {kept.length ? <li>Keep: {kept.map((id) => labels.get(id) ?? id).join(', ')}.</li> : null}
        {fixedText.length ? (
          <li>
            Fixed (the world, not the design): {fixedText.join('; ')}. New boxes get the starting
            diagram’s values.
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function Hints({ challenge }: { challenge: Challenge }) {
  const shown = useChallengeStore((s) => s.hints);
  return (
    <section className="bp-challenge__section" aria-label="Hints">
      {shown > 0 ? (
        <ol className="bp-challenge__hints">
          {challenge.hints.slice(0, shown).map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
      ) : null}
      {shown < challenge.hints.length ? (
        <button
          type="button"
          className="bp-btn bp-btn--ghost"
          onClick={() => runAction('challenge-hint', 'toolbar')}
        >
          {shown === 0 ? 'Show a hint' : 'Another hint'} ({shown + 1} of {challenge.hints.length})
        </button>
      ) : null}
    </section>
  );
}

function CheckControls() {
  const status = useChallengeStore((s) => s.status);
  const progress = useChallengeStore((s) => s.progress);
  const grade = useChallengeStore((s) => s.grade);
  const error = useChallengeStore((s) => s.error);
  const fraction = progress && progress.totalMs > 0 ? progress.doneMs / progress.totalMs : 0;
  return (
    <div className="bp-challenge__check">
      {status === 'grading' ? (
        <div className="bp-challenge__progress" role="status">
          <span>Running the script in the engine…</span>
          <progress max={1} value={fraction} aria-label="Grading progress" />
          <button
            type="button"
            className="bp-btn"
            onClick={() => useChallengeStore.getState().cancel()}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div className="bp-challenge__actions">
          <button
            type="button"
            className="bp-btn bp-btn--primary bp-challenge__checkbtn"
            onClick={() => runAction('challenge-check', 'toolbar')}
            aria-keyshortcuts="Control+Enter"
          >
            Check my design
          </button>
          <button
            type="button"
            className="bp-btn"
            onClick={() => runAction('challenge-start-over', 'toolbar')}
          >
            Start over
          </button>
        </div>
      )}
      <Summary status={status} grade={grade} error={error} />
    </div>
  );
}

function Summary({
  status,
  grade,
  error,
}: {
  status: string;
  grade: ReturnType<typeof useChallengeStore.getState>['grade'];
  error: string | null;
}) {
  if (status === 'failed' && error) {
    return (
      <p className="bp-challenge__summary is-missed" role="alert">
        {error}
      </p>
    );
  }
  if (!grade || status === 'grading') return null;
  if (grade.status === 'too-big') {
    return (
      <p className="bp-challenge__summary is-missed" role="status" data-testid="challenge-summary">
        {grade.message}
      </p>
    );
  }
  return (
    <p
      className={`bp-challenge__summary ${grade.passed ? 'is-passed' : 'is-missed'}`}
      role="status"
      data-testid="challenge-summary"
    >
      {grade.passed
        ? `Passed: all ${grade.goalsTotal} met, for ${formatUsd(grade.cost.totalUsd)} a month.`
        : `${grade.goalsPassed} of ${grade.goalsTotal} met. The missed ones say why.`}
    </p>
  );
}
