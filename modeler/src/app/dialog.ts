/**
 * A modal dialog of the modeler (the deploy confirmation, the version history): a native `<dialog>` opened
 * with `showModal()`, so the page behind it is inert while it is open and Escape closes it. It is removed
 * from the page when it closes, whatever closed it, so a dialog can never stay behind and block the page.
 */
import { el } from '../ui/dom.js';

/** An open dialog: its element and how to close it. */
export interface OpenDialog {
  dialog: HTMLDialogElement;
  /** Closes and removes the dialog (again is harmless). */
  close(): void;
  /** Resolves once the dialog has closed, by `close`, Escape or its own buttons. */
  closed: Promise<void>;
}

/** Opens a modal dialog titled `title` with `body` and the `actions` row (buttons) at its foot. */
export function openDialog(id: string, title: string, body: (Node | string)[], actions: HTMLElement[]): OpenDialog {
  const heading = el('h2', { id: `${id}-title` }, title);
  const dialog = el('dialog', { id, class: 'shenpi-dialog', 'aria-labelledby': `${id}-title` },
    heading, el('div', { class: 'dialog-body' }, ...body), el('div', { class: 'dialog-actions' }, ...actions));
  let done!: () => void;
  const closed = new Promise<void>((resolve) => { done = resolve; });
  dialog.addEventListener('close', () => {
    dialog.remove();
    done();
  });
  document.body.append(dialog);
  dialog.showModal();
  return {
    dialog,
    close() {
      if (dialog.open) dialog.close();
      else if (dialog.isConnected) {
        dialog.remove();
        done();
      }
    },
    closed,
  };
}
