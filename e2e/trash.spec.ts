// Delete in folder mode goes to a trash inside the folder, as a gallery's or file manager's
// delete does: undoable, restorable after a reload, and only emptying it deletes for good —
// with a confirmation that says so plainly.
import { test, expect } from './fixtures.ts';
import { result } from './app.ts';
import { scanFolder, tree } from './folders.ts';
import { sharpJpeg, defocusedJpeg } from './photos.ts';

const files = {
  'sharp-a.jpg': sharpJpeg(61),
  'blurry-b.jpg': defocusedJpeg(62, 7),
  'sub/blurry-c.jpg': defocusedJpeg(63, 7),
};
const TRASH = 'Blur Finder trash';
const blurryBytes = files['blurry-b.jpg'].length + files['sub/blurry-c.jpg'].length;
const size = `${(blurryBytes / 1000).toFixed(1)} kB`;

test('delete puts photos in the folder’s trash; Undo puts them back where they were', async ({ page, problems }) => {
  await scanFolder(page, 'Party', files, 3);
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('delete-selected').click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog.getByRole('heading')).toHaveText(`Delete 2 photos (${size})?`);
  await expect(dialog).toContainText(`the “${TRASH}” folder inside “Party”`);
  // Cancel is the default: nothing happens.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(Object.keys(await tree(page, 'Party')).sort()).toEqual(['blurry-b.jpg', 'sharp-a.jpg', 'sub/blurry-c.jpg']);

  await page.getByTestId('delete-selected').click();
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Move 2 photos to the trash' }).click();
  await expect(page.getByTestId('toast')).toContainText(`Moved to the trash: 2 photos (${size})`);
  // Nothing is deleted: the photos sit in the trash, in their sub-folders, with a marker that keeps
  // Android galleries from showing them.
  expect(await tree(page, 'Party')).toEqual({
    'sharp-a.jpg': files['sharp-a.jpg'].length,
    [`${TRASH}/.nomedia`]: 0,
    [`${TRASH}/blurry-b.jpg`]: files['blurry-b.jpg'].length,
    [`${TRASH}/sub/blurry-c.jpg`]: files['sub/blurry-c.jpg'].length,
  });
  await expect(page.getByTestId('result')).toHaveCount(1);
  const bar = page.getByTestId('trash-bar');
  await expect(bar).toHaveAttribute('data-count', '2');
  await expect(bar).toHaveAttribute('data-bytes', String(blurryBytes));

  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('toast')).toContainText('Put back 2 photos');
  expect(Object.keys(await tree(page, 'Party')).sort()).toEqual(['blurry-b.jpg', 'sharp-a.jpg', 'sub/blurry-c.jpg']);
  // Back on screen with their verdicts, without a new scan.
  await expect(result(page, 'blurry-b.jpg')).toHaveAttribute('data-verdict', 'blurry');
  await expect(page.getByTestId('scan-summary')).toHaveAttribute('data-total', '3');
  await expect(bar).toBeHidden();
  expect(problems.pageErrors).toEqual([]);
});

test('emptying the trash says plainly that it is permanent, then deletes for good', async ({ page }) => {
  await scanFolder(page, 'Beach', files, 3);
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('delete-selected').click();
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Move 2 photos to the trash' }).click();
  await expect(page.getByTestId('trash-bar')).toHaveAttribute('data-count', '2');

  await page.getByTestId('empty-trash').click();
  const dialog = page.getByTestId('empty-trash-dialog');
  await expect(dialog.getByRole('heading')).toHaveText(`Delete 2 photos (${size}) for good?`);
  await expect(dialog).toContainText('permanently deletes');
  await expect(dialog).toContainText('This cannot be undone');
  await expect(dialog).toContainText('Recycle Bin');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete 2 photos for good' }).click();
  await expect(page.getByTestId('toast')).toContainText(`Deleted 2 photos for good (${size} freed)`);
  expect(Object.keys(await tree(page, 'Beach'))).toEqual(['sharp-a.jpg']);
  await expect(page.getByTestId('trash-bar')).toBeHidden();
});

test('after a reload the trash of a reopened folder is still there and can be put back', async ({ page }) => {
  await scanFolder(page, 'Hike', files, 3);
  await page.getByTestId('select-blurry').click();
  await page.getByTestId('delete-selected').click();
  await page.getByTestId('delete-dialog').getByRole('button', { name: 'Move 2 photos to the trash' }).click();
  await expect(page.getByTestId('trash-bar')).toHaveAttribute('data-count', '2');

  await page.reload();
  await page.getByTestId('reconnect-folder').click();
  const bar = page.getByTestId('trash-bar');
  await expect(bar).toHaveAttribute('data-count', '2');
  await expect(bar).toContainText(`Hike/${TRASH}`);
  await page.getByTestId('restore-trash').click();
  await expect(page.getByTestId('toast')).toContainText('Put back 2 photos from the trash');
  expect(Object.keys(await tree(page, 'Hike')).sort()).toEqual(['blurry-b.jpg', 'sharp-a.jpg', 'sub/blurry-c.jpg']);
  await expect(result(page, 'blurry-c.jpg')).toHaveAttribute('data-verdict', 'blurry', { timeout: 60_000 });
  await expect(bar).toBeHidden();
});
