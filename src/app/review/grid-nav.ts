// Where a key press moves focus in a grid of `count` cards laid out `columns` wide.
export function nextIndex(key: string, index: number, count: number, columns: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const cols = Math.max(1, columns);
  switch (key) {
    case 'ArrowRight':
      return Math.min(last, index + 1);
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'ArrowDown':
      return index + cols <= last ? index + cols : index;
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : index;
    case 'PageDown':
      return Math.min(last, index + cols * 4);
    case 'PageUp':
      return Math.max(0, index - cols * 4);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Cards in the first row share the first card's top edge; their count is the column count. */
export function columnsOf(cards: ArrayLike<HTMLElement>): number {
  if (cards.length === 0) return 1;
  const top = cards[0].offsetTop;
  let n = 0;
  while (n < cards.length && cards[n].offsetTop === top) n++;
  return Math.max(1, n);
}
