// Modal dialogs on the native <dialog>: focus trapping, Escape and the top layer come free.
import { h } from './dom.ts';

export interface ConfirmOptions {
  title: string;
  body: (string | Node)[];
  confirmLabel: string;
  danger?: boolean;
  testId?: string;
}

export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
    const cancel = h('button', { type: 'button', class: 'button', value: 'cancel' }, 'Cancel');
    const confirm = h('button', { type: 'button', class: options.danger ? 'button danger' : 'button primary', value: 'confirm' }, options.confirmLabel);
    const dialog = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': titleId, 'data-testid': options.testId ?? 'confirm-dialog' },
      h('h2', { id: titleId }, options.title),
      ...options.body.map((part) => (typeof part === 'string' ? h('p', {}, part) : part)),
      h('div', { class: 'dialog-buttons' }, cancel, confirm),
    );
    let answered = false;
    const finish = (answer: boolean) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => finish(false));
    confirm.addEventListener('click', () => finish(true));
    dialog.addEventListener('close', () => finish(false));
    document.body.append(dialog);
    dialog.showModal();
    // The safe choice has focus, so a stray Enter never deletes anything.
    cancel.focus();
  });
}

/** A dialog with a title, content and a close button; returns it opened. */
export function infoDialog(title: string, content: Node[], testId: string, extraButtons: HTMLElement[] = []): HTMLDialogElement {
  const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
  const close = h('button', { type: 'button', class: 'button primary' }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'dialog wide', 'aria-labelledby': titleId, 'data-testid': testId },
    h('h2', { id: titleId }, title),
    ...content,
    h('div', { class: 'dialog-buttons' }, ...extraButtons, close),
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
