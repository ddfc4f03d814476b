/**
 * The deploy confirmation: after the diagram passed validation, Deploy shows what is about to happen (the
 * code, the version it becomes, the implementing department) and asks for the change note (变更说明) that
 * the version history keeps beside the version. A version is a published rule for every case that starts on
 * it, so nothing is deployed without a confirmation and a reason; the server keeps at most 500 characters.
 */
import type { T } from '../ui/dom.js';
import { el } from '../ui/dom.js';
import { openDialog } from './dialog.js';

/** The server's limit on a change note (server/queries/version-notes.ts `noteSchema`). */
export const NOTE_LIMIT = 500;

/** What the dialog shows before the note. */
export interface DeploySummary {
  code: string;
  /** The version the deploy will create. */
  version: number;
  /** The implementing department as the page names it. */
  department: string;
}

/**
 * Asks to confirm deploying `summary` with a change note. Resolves `false` when cancelled; on Confirm runs
 * `send(note)` and resolves `true` once it succeeded. The dialog closes in either case before this settles,
 * also when `send` fails (its error is rethrown for the page to show): a refused deploy never leaves the
 * page behind a modal.
 */
export function confirmDeploy(t: T, summary: DeploySummary, send: (note: string) => Promise<void>): Promise<boolean> {
  const note = el('textarea', { id: 'deploy-note', name: 'deploy-note', rows: 4, maxlength: NOTE_LIMIT, required: true, placeholder: t('What does this version change, and why?') });
  const error = el('p', { id: 'deploy-note-error', class: 'dialog-error', role: 'alert', hidden: true });
  const count = el('span', { id: 'deploy-note-count', class: 'hint' }, `0/${NOTE_LIMIT}`);
  note.addEventListener('input', () => {
    count.textContent = `${[...note.value].length}/${NOTE_LIMIT}`;
    error.hidden = true;
  });
  const cancel = el('button', { type: 'button', id: 'deploy-cancel' }, t('Cancel'));
  const confirm = el('button', { type: 'button', id: 'deploy-confirm', class: 'primary' }, t('Confirm deploy'));
  const facts = el('dl', { id: 'deploy-summary', class: 'summary' },
    el('dt', {}, t('Item code')), el('dd', { 'data-field': 'code' }, summary.code),
    el('dt', {}, t('New version')), el('dd', { 'data-field': 'version' }, t('Version {version}', { version: summary.version })),
    el('dt', {}, t('Implementing department')), el('dd', { 'data-field': 'department' }, summary.department));
  const dialog = openDialog('deploy-dialog', t('Deploy as new version'), [
    facts,
    el('label', { for: 'deploy-note', class: 'dialog-label' }, t('Change note (required)')), note, count, error,
  ], [cancel, confirm]);
  note.focus();

  return new Promise<boolean>((resolve, reject) => {
    let sending = false;
    cancel.addEventListener('click', () => dialog.close());
    // Escape, Cancel, or any other close before Confirm succeeded: nothing was deployed.
    void dialog.closed.then(() => { if (!sending) resolve(false); });
    confirm.addEventListener('click', () => {
      const text = note.value.trim();
      const problem = !text ? t('Enter a change note: what this version changes') : [...text].length > NOTE_LIMIT ? t('The change note may have at most {limit} characters', { limit: NOTE_LIMIT }) : undefined;
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        note.focus();
        return;
      }
      sending = true;
      confirm.disabled = true;
      cancel.disabled = true;
      confirm.textContent = t('Deploying…');
      send(text).then(
        () => { dialog.close(); resolve(true); },
        (e: unknown) => { dialog.close(); reject(e); },
      );
    });
  });
}
