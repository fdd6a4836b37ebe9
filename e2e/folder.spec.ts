// Folder mode with the File System Access API, on a real directory handle (e2e/folders.ts):
// moving to "Blurry" and back, partial failures, reopening a remembered folder, and the read-only
// fallback. Delete and the trash have their own spec (trash.spec.ts).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { waitForScan, result } from './app.ts';
import { scanFolder, tree } from './folders.ts';
import { sharpJpeg, defocusedJpeg } from './photos.ts';

const files = {
  'sharp-a.jpg': sharpJpeg(61),
  'blurry-b.jpg': defocusedJpeg(62, 7),
  'sub/blurry-c.jpg': defocusedJpeg(63, 7),
  'notes.txt': Buffer.from('shopping list'),
};

test('move blurry photos to a "Blurry" sub-folder, then undo', async ({ page, problems }) => {
  await scanFolder(page, 'Trip', files, 3);
  await expect(page.getByTestId('toast')).toContainText('1 file that is not a photo skipped');
  await expect(result(page, 'blurry-c.jpg')).toHaveAttribute('data-verdict', 'blurry');

  await page.getByTestId('select-blurry').click();
  await expect(page.getByTestId('action-bar')).toHaveAttribute('data-count', '2');
  // A folder can be changed: move and delete are offered, the gallery list is not needed.
  await expect(page.getByTestId('gallery-list-open')).toBeHidden();
  await page.getByTestId('move-to-blurry').click();
  await expect(page.getByTestId('toast')).toContainText('Moved to “Blurry”: 2 photos');

  expect(await tree(page, 'Trip')).toEqual({
    'sharp-a.jpg': files['sharp-a.jpg'].length,
    'notes.txt': files['notes.txt'].length,
    'Blurry/blurry-b.jpg': files['blurry-b.jpg'].length,
    'Blurry/sub/blurry-c.jpg': files['sub/blurry-c.jpg'].length,
    // Sub-folders stay: only photos move.
  });
  await expect(result(page, 'blurry-b.jpg')).toHaveAttribute('data-location', 'blurry-folder');
  await expect(result(page, 'blurry-b.jpg')).toContainText('In “Blurry”');
  // The moved copy has the original's bytes.
  const sameBytes = await page.evaluate(async () => {
    const trip = await (await navigator.storage.getDirectory()).getDirectoryHandle('Trip');
    const moved = await (await (await trip.getDirectoryHandle('Blurry')).getFileHandle('blurry-b.jpg')).getFile();
    return new Uint8Array(await moved.arrayBuffer()).slice(0, 64).join(',');
  });
  expect(sameBytes).toBe(new Uint8Array(files['blurry-b.jpg']).slice(0, 64).join(','));

  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('toast')).toContainText('Moved back 2 photos');
  const restored = await tree(page, 'Trip');
  expect(restored['blurry-b.jpg']).toBe(files['blurry-b.jpg'].length);
  expect(restored['sub/blurry-c.jpg']).toBe(files['sub/blurry-c.jpg'].length);
  expect(Object.keys(restored).filter((p) => p.startsWith('Blurry/'))).toEqual([]);
  // The emptied "Blurry" folder does not linger.
  const blurryLeft = await page.evaluate(async () => {
    const trip = await (await navigator.storage.getDirectory()).getDirectoryHandle('Trip');
    return trip.getDirectoryHandle('Blurry').then(() => true, () => false);
  });
  expect(blurryLeft).toBe(false);
  await expect(result(page, 'blurry-b.jpg')).toHaveAttribute('data-location', 'original');
  expect(problems.pageErrors).toEqual([]);
});

test('a move reports what moved and what did not; leftovers of an interrupted move are reused', async ({ page }) => {
  // Blurry/blurry-b.jpg already holds an exact copy (a move cut off after the copy), and a
  // different photo already uses the name blurry-c.jpg there.
  await scanFolder(page, 'Walk', { ...files, 'Blurry/blurry-b.jpg': files['blurry-b.jpg'], 'Blurry/sub/blurry-c.jpg': sharpJpeg(5) }, 3);
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('move-to-blurry').click();
  await expect(page.getByTestId('toast')).toContainText('Moved to “Blurry”: 2 photos');
  const after = await tree(page, 'Walk');
  expect(after['Blurry/blurry-b.jpg']).toBe(files['blurry-b.jpg'].length);
  expect(after['Blurry/sub/blurry-c.jpg']).toBe(sharpJpeg(5).length);
  expect(after['Blurry/sub/blurry-c (2).jpg']).toBe(files['sub/blurry-c.jpg'].length);
  expect(Object.keys(after).filter((p) => p.includes('blurry-b'))).toEqual(['Blurry/blurry-b.jpg']);

  // A photo that vanished behind the app's back fails alone; the original of the other stays safe.
  await page.getByTestId('undo-move').click();
  await expect(page.getByTestId('toast')).toContainText('Moved back 2 photos');
  await page.evaluate(async () => {
    const walk = await (await navigator.storage.getDirectory()).getDirectoryHandle('Walk');
    await walk.removeEntry('blurry-b.jpg');
  });
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('move-to-blurry').click();
  const toast = page.getByTestId('toast');
  await expect(toast).toContainText('Moved to “Blurry”: 1 photo');
  await expect(toast).toContainText('1 could not be');
  await expect(toast.locator('li')).toHaveText([/^blurry-b\.jpg: /]);
  await expect(result(page, 'blurry-c.jpg')).toHaveAttribute('data-location', 'blurry-folder');
  await expect(result(page, 'blurry-b.jpg')).toHaveAttribute('data-location', 'original');
});

test('a remembered folder can be reopened after a reload, and its photos acted on without a re-scan', async ({ page }) => {
  await scanFolder(page, 'Later', files, 3);
  await page.reload();
  await expect(page.getByTestId('result')).toHaveCount(3);
  // Remembered results have no file behind them until the folder is opened again.
  await page.getByTestId('select-blurry').click();
  await expect(page.getByTestId('move-to-blurry')).toBeHidden();
  await page.getByTestId('clear-selection').click();

  const reopen = page.getByTestId('reconnect-folder');
  await expect(reopen).toHaveText('Reopen “Later”');
  await reopen.click();
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-skipped', '3');
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-queued', '0');
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('move-to-blurry').click();
  await expect(page.getByTestId('toast')).toContainText('Moved to “Blurry”: 2 photos');
  expect(Object.keys(await tree(page, 'Later')).filter((p) => p.startsWith('Blurry/')).sort()).toEqual(['Blurry/blurry-b.jpg', 'Blurry/sub/blurry-c.jpg']);
});

test('without the folder API a folder is read through webkitdirectory, read-only: a gallery list instead', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'blur-finder-e2e-'));
  const root = join(dir, 'Holiday');
  mkdirSync(join(root, 'day2'), { recursive: true });
  writeFileSync(join(root, 'beach-sharp.jpg'), files['sharp-a.jpg']);
  writeFileSync(join(root, 'day2', 'boat-blurry.jpg'), files['blurry-b.jpg']);
  try {
    await page.goto('/');
    await page.evaluate(() => Object.defineProperty(window, 'showDirectoryPicker', { value: undefined }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('choose-folder').click();
    await (await chooser).setFiles(root);
    await waitForScan(page, 2);
    await expect(result(page, 'boat-blurry.jpg')).toHaveAttribute('data-verdict', 'blurry');
    await page.getByTestId('select-blurry').click();
    await expect(page.getByTestId('move-to-blurry')).toBeHidden();
    await page.getByTestId('gallery-list-open').click();
    await expect(page.getByTestId('gallery-list').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('gallery-list')).toContainText('Holiday/day2');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
