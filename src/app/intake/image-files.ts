// Which files count as photos. Browsers leave `type` empty for formats they do not know
// (HEIC on most desktops), so the extension decides when the type is silent.
const PHOTO_EXTENSIONS = /\.(jpe?g|jfif|png|webp|gif|bmp|avif|heic|heif|tiff?)$/i;

export const BLURRY_FOLDER = 'Blurry';

/** Where Delete puts photos in folder mode until the person empties it (see actions/trash.ts). */
export const TRASH_FOLDER = 'Blur Finder trash';

/** Folders we never descend into: our own output and system clutter. */
export const SKIPPED_FOLDERS = new Set([BLURRY_FOLDER, TRASH_FOLDER, '.thumbnails', '.trashed', '@eaDir', '.git', 'node_modules']);

export function isPhotoFile(name: string, type: string): boolean {
  if (name.startsWith('.')) return false;
  if (type.startsWith('image/')) return true;
  return type === '' || type === 'application/octet-stream' ? PHOTO_EXTENSIONS.test(name) : false;
}
