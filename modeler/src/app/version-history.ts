/**
 * The version history (版本历史) of an item or a plain definition: every deployed version with when (Beijing
 * time), by whom and its change note, newest first, each with a button that opens that version in the
 * canvas. Cases keep the version they started on, so the history is where a reviewer sees what changed when.
 */
import type { VersionEntry } from '../api/client.js';
import { el, type T } from '../ui/dom.js';
import { dateTime } from '../ui/format.js';
import { openDialog } from './dialog.js';

/**
 * Shows the history of `code`. Opening a version closes the dialog first and then runs `open(version)`, so an
 * error while opening is shown on the page, not behind the modal.
 */
export function showVersionHistory(t: T, code: string, versions: readonly VersionEntry[], open: (version: number) => Promise<void>): void {
  const close = el('button', { type: 'button', id: 'history-close' }, t('Close'));
  const rows = [...versions].sort((a, b) => b.version - a.version).map((v) => {
    const button = el('button', { type: 'button', class: 'open-version', 'data-version': v.version }, t('Open in the canvas'));
    button.addEventListener('click', () => {
      dialog.close();
      void open(v.version);
    });
    return el('tr', { 'data-version': v.version },
      el('td', { class: 'version' }, t('Version {version}', { version: v.version })),
      el('td', { class: 'at' }, dateTime(v.deployedAt)),
      el('td', { class: 'by' }, v.deployedBy ?? '—'),
      el('td', { class: 'note' }, v.note ?? t('(no change note)')),
      el('td', {}, button));
  });
  const body = rows.length
    ? el('table', { id: 'history-table', class: 'history' },
      el('thead', {}, el('tr', {}, ...['Version', 'Deployed at (Beijing time)', 'Deployed by', 'Change note', ''].map((h) => el('th', {}, h ? t(h) : '')))),
      el('tbody', {}, ...rows))
    : el('p', { id: 'history-empty' }, t('{code} has no deployed version yet', { code }));
  const dialog = openDialog('history-dialog', t('Version history of {code}', { code }), [body], [close]);
  close.addEventListener('click', () => dialog.close());
}
