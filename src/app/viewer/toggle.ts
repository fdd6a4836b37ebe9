// The viewer's on/off buttons (100%, the two maps, selection): aria-pressed says which way they are.
import { h } from '../ui/dom.ts';

export function toggleButton(label: string, testId: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'button toggle', 'aria-pressed': 'false', 'data-testid': testId }, label);
}

export const isPressed = (button: HTMLButtonElement): boolean => button.getAttribute('aria-pressed') === 'true';

export function flip(button: HTMLButtonElement): void {
  button.setAttribute('aria-pressed', String(!isPressed(button)));
}
