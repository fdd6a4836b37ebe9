// At 100% the photo is larger than its frame. Touch pans it natively (the frame scrolls); a
// mouse or pen drags it, as in any photo viewer, instead of selecting or doing nothing.
export function dragToPan(stage: HTMLElement, enabled: () => boolean): void {
  let drag: { id: number; x: number; y: number; left: number; top: number } | null = null;
  stage.addEventListener('pointerdown', (event) => {
    if (!enabled() || event.pointerType === 'touch' || event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, left: stage.scrollLeft, top: stage.scrollTop };
    stage.setPointerCapture(event.pointerId);
    stage.classList.add('panning');
    event.preventDefault();
  });
  stage.addEventListener('pointermove', (event) => {
    if (drag?.id !== event.pointerId) return;
    stage.scrollLeft = drag.left - (event.clientX - drag.x);
    stage.scrollTop = drag.top - (event.clientY - drag.y);
  });
  const end = (event: PointerEvent) => {
    if (drag?.id !== event.pointerId) return;
    drag = null;
    stage.classList.remove('panning');
  };
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) stage.addEventListener(type, end);
}

/** Scrolls a stage showing a photo at 100% so the point (u, v) of the photo is in the middle. */
export function centreOn(stage: HTMLElement, photo: HTMLImageElement, u: number, v: number): void {
  stage.scrollLeft = u * photo.offsetWidth - stage.clientWidth / 2;
  stage.scrollTop = v * photo.offsetHeight - stage.clientHeight / 2;
}
