// People judged by their faces, in real Chromium with the real face nets and blur model: a sharp
// face on a soft background is kept with a reason naming the face, a back-focused portrait (face
// soft, background sharp) is flagged "focus missed the subject", and closed eyes get their own
// flag and filter. The photos are real people photos from ../shared/data/people-photos, read by
// path and turned into the test images at test time with the project's own blur generator
// (training/face-focus), so no photo is ever committed.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { pickPhotos, waitForScan, result } from './app.ts';
import type { TestPhoto } from './photos.ts';
import { loadOpenCvNode } from '../src/node/opencv.ts';
import { decodeJpeg, encodeJpeg } from '../training/data/jpeg.ts';
import { rgbaToRgb, rgbToRgba } from '../training/data/image.ts';
import { mulberry32 } from '../training/data/rng.ts';
import { personMask, renderVariant, type PortraitVariant } from '../training/face-focus/portrait-variants.ts';
import type { FaceBox } from '../src/core/face/types.ts';

test.describe.configure({ mode: 'serial' });

const PEOPLE = resolve(import.meta.dirname, '../../shared/data/people-photos');

/** The data set's own face box for a photo (manifest.csv, "x,y,w,h"), checked by eye for these three. */
function faceBoxOf(file: string): FaceBox {
  const row = readFileSync(join(PEOPLE, 'manifest.csv'), 'utf8').split('\n').find((line) => line.split(',')[1] === file);
  if (!row) throw new Error(`${file} is not in ${PEOPLE}/manifest.csv: the people photos are needed at test time`);
  const [x, y, width, height] = /"(\d+),(\d+),(\d+),(\d+)"/.exec(row)!.slice(1).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

async function portrait(file: string, variant: PortraitVariant, name: string): Promise<TestPhoto> {
  const cv = await loadOpenCvNode();
  const image = rgbaToRgb(decodeJpeg(readFileSync(join(PEOPLE, file))));
  const mask = personMask(cv, image.width, image.height, [faceBoxOf(file)]);
  // A clear back-focus (radius ~7 px), not the mildest the portrait set draws.
  const made = renderVariant(cv, mulberry32(7), image, mask, variant, { strength: 0.75 });
  return { name, bytes: Buffer.from(encodeJpeg(rgbToRgba(made.image), 92)) };
}

const BOKEH = 'bokeh-portrait.jpg';
const BACK_FOCUS = 'back-focus-portrait.jpg';
const EYES_CLOSED = 'eyes-closed.jpg';

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  const photos = [
    await portrait('controlnet/man.jpg', 'bokeh', BOKEH),
    await portrait('carvekit/3.jpg', 'back-focus', BACK_FOCUS),
    { name: EYES_CLOSED, bytes: readFileSync(join(PEOPLE, 'insightface/close_eyes.jpg')) },
  ];
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  await page.goto('/');
  await pickPhotos(page, photos);
  await waitForScan(page, photos.length, 180_000);
});

test.afterAll(async () => {
  await context.close();
});

test('a sharp face on a soft background is kept, and the reason names the face', async () => {
  const card = result(page, BOKEH);
  await expect(card).toHaveAttribute('data-verdict', 'sharp');
  await expect(card).toHaveAttribute('data-subject', 'face-sharp');
  await expect(card.locator('.reason')).toHaveText(/^Sharp face.*soft background — kept/);
});

test('a back-focused portrait (face soft, background sharp) is flagged: focus missed the subject', async () => {
  const card = result(page, BACK_FOCUS);
  await expect(card).toHaveAttribute('data-verdict', 'blurry');
  await expect(card).toHaveAttribute('data-subject', 'focus-missed');
  await expect(card.locator('.reason')).toHaveText(/^Focus missed the subject: the face.* is soft, the background sharp/);
});

test('closed eyes are flagged apart from the verdict, and the filters find each case', async () => {
  await expect(result(page, EYES_CLOSED)).toHaveAttribute('data-eyes-closed', 'true');
  await expect(result(page, EYES_CLOSED)).not.toHaveAttribute('data-subject', 'focus-missed');
  for (const other of [BOKEH, BACK_FOCUS]) await expect(result(page, other)).not.toHaveAttribute('data-eyes-closed', /./);

  const more = page.getByTestId('more-controls');
  if (!(await more.evaluate((d: HTMLDetailsElement) => d.open))) await more.locator('summary').click();
  const people = page.getByTestId('people-filter');
  await people.selectOption('eyes-closed');
  await expect(page.getByTestId('result')).toHaveCount(1);
  await expect(page.getByTestId('result')).toHaveAttribute('data-file-name', EYES_CLOSED);
  await people.selectOption('focus-missed');
  await expect(page.getByTestId('result')).toHaveCount(1);
  await expect(page.getByTestId('result')).toHaveAttribute('data-file-name', BACK_FOCUS);
  await people.selectOption('any');
  await expect(page.getByTestId('result')).toHaveCount(3);
});

test('the viewer outlines the face that decided and shows its sharpness', async () => {
  await result(page, BOKEH).click();
  const outline = page.getByTestId('face-outline');
  await expect(outline).toBeVisible();
  await expect(outline).toHaveAttribute('data-cause', 'face-sharp');
  await expect(outline).toHaveText(/^Face sharp \d+%$/);
  // The outline sits on the face: inside the photo, a sizeable share of it.
  const [box, photo] = await Promise.all([outline.boundingBox(), page.getByTestId('viewer-photo').boundingBox()]);
  expect(box!.x).toBeGreaterThanOrEqual(photo!.x - 1);
  expect(box!.x + box!.width).toBeLessThanOrEqual(photo!.x + photo!.width + 1);
  expect(box!.width).toBeGreaterThan(photo!.width * 0.2);
  await expect(page.locator('.viewer-facts')).toContainText(/Face sharpness\s*\d+%, sharp/);
  await page.getByTestId('viewer-close').click();
});

test('CSV and JSON exports carry the face verdict, its sharpness and closed eyes', async () => {
  const more = page.getByTestId('more-controls');
  if (!(await more.evaluate((d: HTMLDetailsElement) => d.open))) await more.locator('summary').click();
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const lines = readFileSync((await (await csvDownload).path())!, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('file,folder,verdict,probability,cause,size,date,error,subject,face_sharpness,eyes_closed');
  expect(lines.find((l) => l.startsWith(BACK_FOCUS))).toMatch(/,focus missed the subject,0\.\d+,false$/);
  expect(lines.find((l) => l.startsWith(EYES_CLOSED))).toMatch(/,true$/);

  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const json = JSON.parse(readFileSync((await (await jsonDownload).path())!, 'utf8'));
  const row = (file: string) => json.photos.find((p: { file: string }) => p.file === file);
  expect(row(BOKEH)).toMatchObject({ verdict: 'sharp', subject: 'face sharp', eyes_closed: false });
  expect(row(BOKEH).face_sharpness).toBeGreaterThan(0);
  expect(row(BACK_FOCUS)).toMatchObject({ verdict: 'blurry', subject: 'focus missed the subject' });
  expect(row(EYES_CLOSED).eyes_closed).toBe(true);
});
