// The keyboard shortcuts, in one list: the settings show it, and `?` (or the header's ? button)
// opens it as a sheet from anywhere, the viewer included, so they can be found without
// knowing they exist.
import { h } from './dom.ts';
import { infoDialog } from './dialog.ts';

export const SHORTCUTS: Array<[string, string]> = [
  ['Arrow keys', 'move between photos'],
  ['Space', 'select or unselect the photo'],
  ['Delete', 'mark the photo for clean-up and go to the next'],
  ['Enter', 'open the photo'],
  ['Ctrl + A', 'select every photo shown, except the best shot of each burst or similar group'],
  ['C', 'compare the shots of a stack side by side'],
  ['← / →', 'previous / next photo in the viewer'],
  ['Drag', 'move the photo in the viewer at 100%'],
  ['Escape', 'close the viewer or a dialog'],
  ['?', 'show these shortcuts'],
];

export function shortcutsList(): HTMLElement {
  return h('dl', { class: 'shortcuts' }, ...SHORTCUTS.flatMap(([k, v]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, v)]));
}

let open: HTMLDialogElement | null = null;

export function showShortcuts(): void {
  if (open) return;
  // Focus goes back where it was (a card, the viewer) when the sheet closes.
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  open = infoDialog('Keyboard shortcuts', [shortcutsList()], 'shortcuts-dialog');
  open.addEventListener('close', () => {
    open = null;
    before?.focus({ preventScroll: true });
  });
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'file'].includes(target.type);
}

/** `?` anywhere (but in a text field) opens the sheet. */
export function openShortcutsOnQuestionMark(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    event.preventDefault();
    showShortcuts();
  });
}

/** A button in the header that says the shortcuts exist (CSS shows it on pointer devices only). */
export function shortcutsButton(): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'button ghost on-dark icon-only shortcuts-button', 'aria-label': 'Keyboard shortcuts', title: 'Keyboard shortcuts (?)', 'aria-keyshortcuts': 'Shift+?', 'data-testid': 'open-shortcuts' },
    h('span', { 'aria-hidden': 'true', class: 'shortcuts-mark' }, '?'),
  );
  button.addEventListener('click', showShortcuts);
  return button;
}
