// exifr's lite build (JPEG, HEIC, TIFF; EXIF only) has the full build's API and types.
declare module 'exifr/dist/lite.esm.mjs' {
  export * from 'exifr';
  import exifr from 'exifr';
  export default exifr;
}
