// The scan panel: a summary of verdicts so far (also the automation hook: data-done,
// data-total and per-verdict counts), a progress bar with rate and time left, and
// pause / resume / cancel. Announcements for screen readers go to a separate live region
// at milestones only, not on every photo.
import { h, setText } from '../ui/dom.ts';
import { formatDuration, formatRate, plural } from '../ui/format.ts';
import type { PhotoStore } from '../state/store.ts';
import type { ScanController, ScanState } from './scan-controller.ts';
import './scan.css';

export function progressView(store: PhotoStore, scan: ScanController, announce: (message: string) => void, startOver: () => void): HTMLElement {
  const headline = h('p', { class: 'summary-line' });
  const tally = {
    blurry: h('li', { class: 'tally-blurry' }),
    uncertain: h('li', { class: 'tally-uncertain' }),
    sharp: h('li', { class: 'tally-sharp' }),
    error: h('li', { class: 'tally-error' }),
  };
  const summary = h(
    'div',
    { class: 'summary', 'data-testid': 'scan-summary', 'data-done': '0', 'data-total': '0' },
    headline,
    h('ul', { class: 'tally' }, tally.blurry, tally.uncertain, tally.sharp, tally.error),
  );
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Scan progress', 'data-testid': 'scan-progress' });
  const meta = h('p', { class: 'scan-meta', 'data-testid': 'scan-meta' });
  const pause = h('button', { type: 'button', class: 'button', 'data-testid': 'pause' }, 'Pause');
  const cancel = h('button', { type: 'button', class: 'button', 'data-testid': 'cancel' }, 'Cancel');
  const rest = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'check-rest' });
  const over = h('button', { type: 'button', class: 'button ghost small', 'data-testid': 'start-over' }, 'Start over');
  over.addEventListener('click', startOver);
  const failure = h('p', { class: 'scan-failure', role: 'alert', hidden: true });
  const controls = h('div', { class: 'scan-controls' }, pause, cancel, rest, over);
  const element = h('section', { class: 'scan', 'aria-label': 'Scan progress', hidden: true }, summary, bar, h('div', { class: 'scan-foot' }, meta, controls), failure);

  pause.addEventListener('click', () => (scan.progress.state === 'paused' || scan.progress.state === 'pausing' ? scan.resume() : scan.pause()));
  cancel.addEventListener('click', () => scan.cancel());
  rest.addEventListener('click', () => scan.checkRemaining());

  let lastState: ScanState = 'idle';
  // While the detector loads, the line counts the seconds so far (it says what the wait is for,
  // rather than showing a bar that moves by itself).
  let clock: ReturnType<typeof setInterval> | undefined;
  const render = () => {
    const c = store.counts();
    const p = scan.progress;
    element.hidden = c.total === 0 && p.state === 'idle';
    Object.assign(summary.dataset, {
      done: String(c.done),
      total: String(c.total),
      blurry: String(c.blurry),
      uncertain: String(c.uncertain),
      sharp: String(c.sharp),
      errors: String(c.error),
      skipped: String(p.skipped),
      queued: String(p.queued),
      finished: String(p.finished),
      state: p.state,
    });
    const errors = c.error > 0;
    setText(headline, `${c.done} of ${plural(c.total, 'photo')} checked`);
    setText(tally.blurry, `${c.blurry} blurry`);
    setText(tally.uncertain, `${c.uncertain} uncertain`);
    setText(tally.sharp, `${c.sharp} sharp`);
    setText(tally.error, `${c.error} could not be read`);
    tally.error.hidden = !errors;

    const active = p.state === 'preparing' || p.state === 'scanning' || p.state === 'pausing' || p.state === 'paused';
    bar.max = Math.max(1, p.queued);
    bar.value = p.finished;
    bar.hidden = !active && p.state !== 'cancelled';
    const parts: string[] = [];
    if (p.state === 'preparing') parts.push(preparingLine(p.loadingSince));
    if (p.state === 'scanning') {
      parts.push(`${p.finished} of ${p.queued} new`);
      if (p.rate > 0) parts.push(formatRate(p.rate));
      if (p.secondsLeft != null) parts.push(`about ${formatDuration(p.secondsLeft)} left`);
    }
    if (p.state === 'pausing') parts.push('Pausing — finishing the photos in progress…');
    if (p.state === 'paused') {
      parts.push(`Paused at ${p.finished} of ${p.queued}`);
      if (p.rate > 0) parts.push(`${formatRate(p.rate)} before the pause`);
    }
    if (p.state === 'cancelled') parts.push(`Cancelled after ${p.finished} of ${p.queued}`);
    if (p.state === 'done' && p.queued > 0) parts.push(`Done: ${plural(p.queued, 'new photo')} checked`);
    if (p.skipped > 0) parts.push(`${p.skipped} remembered from before`);
    setText(meta, parts.join(' · '));

    over.hidden = active || c.total === 0;
    pause.hidden = !active;
    cancel.hidden = !active;
    setText(pause, p.state === 'paused' || p.state === 'pausing' ? 'Resume' : 'Pause');
    pause.setAttribute('aria-pressed', String(p.state === 'paused' || p.state === 'pausing'));
    const remaining = [...store.photos.values()].filter((x) => x.outcome.kind === 'pending' && x.source).length;
    rest.hidden = active || remaining === 0;
    setText(rest, `Check the ${plural(remaining, 'remaining photo')}`);
    failure.hidden = !p.failure;
    setText(failure, p.failure ? `The detector could not start: ${p.failure}` : '');

    if (p.state === 'preparing' && clock === undefined) clock = setInterval(render, 1000);
    if (p.state !== 'preparing' && clock !== undefined) {
      clearInterval(clock);
      clock = undefined;
    }
    if (p.state !== lastState) {
      if (p.state === 'scanning' && lastState !== 'paused' && lastState !== 'pausing') announce(`Checking ${plural(p.queued, 'photo')}…`);
      if (p.state === 'paused') announce('Scan paused.');
      if (p.state === 'cancelled') announce(`Scan cancelled. ${c.done} of ${c.total} checked.`);
      if (p.state === 'done' && p.queued + p.skipped > 0) announce(`Scan finished: ${c.blurry} blurry, ${c.uncertain} uncertain, ${c.sharp} sharp${errors ? `, ${c.error} could not be read` : ''}.`);
      lastState = p.state;
    }
  };
  store.subscribe(render);
  scan.subscribe(render);
  render();
  return element;
}

function preparingLine(since: number | null): string {
  const seconds = since == null ? 0 : Math.floor((performance.now() - since) / 1000);
  return `Getting the detector ready (opencv.js and the model, once per visit)… ${seconds} s so far`;
}
