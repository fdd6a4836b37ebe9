import { describe, expect, it } from 'vitest';
import { galleryListCsv, toCsv, toJson, type ExportRow } from './export.ts';

const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  file: 'IMG_1.jpg',
  folder: 'Camera',
  verdict: 'blurry',
  probability: 0.87654321,
  cause: 'motion',
  size: 123456,
  date: '2024-06-01T12:00:00.000Z',
  error: null,
  subject: null,
  face_sharpness: null,
  eyes_closed: null,
  ...over,
});

describe('toCsv', () => {
  it('writes a header and one line per photo', () => {
    const lines = toCsv([row(), row({ file: 'b.jpg', verdict: 'sharp', cause: null, probability: 0.01 })]).trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,folder,verdict,probability,cause,size,date,error,subject,face_sharpness,eyes_closed');
    expect(lines[1]).toBe('IMG_1.jpg,Camera,blurry,0.8765,motion,123456,2024-06-01T12:00:00.000Z,,,,');
    expect(lines[2]).toBe('b.jpg,Camera,sharp,0.01,,123456,2024-06-01T12:00:00.000Z,,,,');
  });

  it('carries what the faces decided, the face sharpness and closed eyes', () => {
    const lines = toCsv([row({ subject: 'focus missed the subject', face_sharpness: 0.123456, eyes_closed: false }), row({ subject: 'face sharp', face_sharpness: 0.7, eyes_closed: true })]).trimEnd().split('\r\n');
    expect(lines[1].endsWith(',focus missed the subject,0.1235,false')).toBe(true);
    expect(lines[2].endsWith(',face sharp,0.7,true')).toBe(true);
  });

  it('quotes commas, quotes and newlines', () => {
    const line = toCsv([row({ file: 'a, "b".jpg', error: 'line1\nline2' })]).split('\r\n')[1];
    expect(line.startsWith('"a, ""b"".jpg"')).toBe(true);
    expect(line.endsWith('"line1\nline2",,,')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const line = toCsv([row({ file: '=HYPERLINK("x").jpg' })]).split('\r\n')[1];
    expect(line.startsWith(`"'=HYPERLINK(""x"").jpg"`)).toBe(true);
  });
});

describe('toJson', () => {
  it('round-trips rows and metadata', () => {
    const parsed = JSON.parse(toJson([row()], { sensitivity: 50 }));
    expect(parsed.sensitivity).toBe(50);
    expect(parsed.photos[0]).toEqual(row());
  });
});

describe('galleryListCsv', () => {
  it('lists file, folder, date and size', () => {
    expect(galleryListCsv([{ file: 'a.jpg', folder: '', date: '2024-01-01T00:00:00.000Z', size: 5 }])).toBe(
      'file,folder,date,size\r\na.jpg,,2024-01-01T00:00:00.000Z,5\r\n',
    );
  });
});
