// Short messages about what just happened ("Moved 12 photos"), with an optional action such as
// Undo. They stay until dismissed or replaced: a timed-out Undo is lost on a keyboard or screen
// reader user who was still reaching for it.
import { h } from './dom.ts';

export interface ToastAction {
  label: string;
  run(): void;
}

export class Toasts {
  readonly element = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite', 'data-testid': 'toasts' });

  show(message: string, options: { action?: ToastAction; details?: string[]; tone?: 'info' | 'warning' } = {}): void {
    const toast = h('div', { class: `toast ${options.tone ?? 'info'}`, 'data-testid': 'toast' });
    const dismiss = h('button', { type: 'button', class: 'button ghost small', 'aria-label': 'Dismiss message' }, '✕');
    dismiss.addEventListener('click', () => toast.remove());
    toast.append(h('p', {}, message));
    if (options.details?.length) {
      const list = h('ul', { class: 'toast-details' });
      for (const d of options.details) list.append(h('li', {}, d));
      toast.append(list);
    }
    const buttons = h('div', { class: 'toast-buttons' });
    if (options.action) {
      const { label, run } = options.action;
      const button = h('button', { type: 'button', class: 'button small' }, label);
      button.addEventListener('click', () => {
        toast.remove();
        run();
      });
      buttons.append(button);
    }
    buttons.append(dismiss);
    toast.append(buttons);
    // One message at a time: the newest replaces what came before.
    this.element.replaceChildren(toast);
  }

  clear(): void {
    this.element.replaceChildren();
  }
}
