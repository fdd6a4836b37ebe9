import { describe, expect, it } from 'vitest';
import { nextIndex } from './grid-nav.ts';

describe('nextIndex', () => {
  it('moves by one sideways and by a row up and down', () => {
    expect(nextIndex('ArrowRight', 0, 10, 3)).toBe(1);
    expect(nextIndex('ArrowLeft', 0, 10, 3)).toBe(0);
    expect(nextIndex('ArrowDown', 1, 10, 3)).toBe(4);
    expect(nextIndex('ArrowUp', 4, 10, 3)).toBe(1);
  });

  it('stays put at the edges instead of wrapping', () => {
    expect(nextIndex('ArrowDown', 8, 10, 3)).toBe(8);
    expect(nextIndex('ArrowUp', 2, 10, 3)).toBe(2);
    expect(nextIndex('ArrowRight', 9, 10, 3)).toBe(9);
  });

  it('jumps with Home, End and the page keys', () => {
    expect(nextIndex('Home', 5, 10, 3)).toBe(0);
    expect(nextIndex('End', 5, 10, 3)).toBe(9);
    expect(nextIndex('PageDown', 0, 100, 3)).toBe(12);
  });

  it('ignores other keys and empty grids', () => {
    expect(nextIndex('a', 0, 10, 3)).toBeNull();
    expect(nextIndex('ArrowRight', 0, 0, 3)).toBeNull();
  });
});
