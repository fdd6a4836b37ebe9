// On a phone the clean-up bar and the messages (toasts) sit at the bottom of the screen, over
// the end of the results. Their heights, measured, go to CSS (--action-bar-h, --toasts-h): the
// messages stack above the bar instead of on it, and the page leaves that much room below the
// last photo, so every photo can be scrolled clear of both. A fixed guess (10rem) was too
// little once a message showed above the bar.
export function reserveBottomSpace(actionBar: HTMLElement, toasts: HTMLElement): void {
  const root = document.documentElement.style;
  const measure = () => {
    root.setProperty('--action-bar-h', `${Math.ceil(actionBar.getBoundingClientRect().height)}px`);
    root.setProperty('--toasts-h', `${Math.ceil(toasts.getBoundingClientRect().height)}px`);
  };
  // Showing, hiding (0 x 0) and rewrapping all resize them, so observing covers every case.
  const observer = new ResizeObserver(measure);
  observer.observe(actionBar);
  observer.observe(toasts);
  measure();
}
