// Results as files a person can keep: CSV for a spreadsheet, JSON for scripts. Verdicts are the
// ones on screen (at the chosen sensitivity), so the export matches what the person reviewed.

export interface ExportRow {
  file: string;
  folder: string;
  verdict: 'sharp' | 'blurry' | 'uncertain' | 'error' | 'not checked';
  probability: number | null;
  /** The cause a person is told: motion or out-of-focus; empty when kept. */
  cause: string | null;
  size: number;
  /** ISO 8601 capture time (EXIF, else the file's date). */
  date: string;
  error: string | null;
  /** What the faces decided: 'face sharp', 'focus missed the subject', 'face soft'; null when they did not decide. */
  subject: string | null;
  /** The deciding face's sharpness, 0..1; null without a face to judge. */
  face_sharpness: number | null;
  /** Whether the person's eyes are closed; null when no face was judged. */
  eyes_closed: boolean | null;
}

const COLUMNS: (keyof ExportRow)[] = ['file', 'folder', 'verdict', 'probability', 'cause', 'size', 'date', 'error', 'subject', 'face_sharpness', 'eyes_closed'];

function csvCell(value: unknown): string {
  if (value == null) return '';
  let text = typeof value === 'number' ? String(value) : String(value);
  // A cell that starts like a formula would run as one in a spreadsheet (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.join(',')];
  const rounded = (row: ExportRow, c: keyof ExportRow) => (typeof row[c] === 'number' && (c === 'probability' || c === 'face_sharpness') ? Number((row[c] as number).toFixed(4)) : row[c]);
  for (const row of rows) lines.push(COLUMNS.map((c) => csvCell(rounded(row, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly ExportRow[], meta: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...meta, photos: rows }, null, 2)}\n`;
}

/** A plain list for the person to work through in their gallery app. */
export interface GalleryListRow {
  file: string;
  folder: string;
  date: string;
  size: number;
}

export function galleryListCsv(rows: readonly GalleryListRow[]): string {
  const lines = ['file,folder,date,size'];
  for (const r of rows) lines.push([r.file, r.folder, r.date, r.size].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
