import sharp from 'sharp';
import { AppError } from '../../../../http/app-error.js';

/** Longest side of the display preview: sharp on a phone screen and light enough on a rural 3G link. */
export const PREVIEW_MAX_SIDE = 1280;
// Decoding cost grows with pixels, not bytes: a small PNG can declare a huge canvas (a decompression bomb).
// Larger photos are kept as evidence, just without a preview.
const MAX_INPUT_PIXELS = 80_000_000;

/**
 * A WebP preview of an image (EXIF orientation applied, metadata such as GPS dropped), or undefined when the
 * image is too large to decode safely. Bytes that start like an image but do not decode are refused (415).
 */
export async function makePreview(image: Buffer): Promise<Buffer | undefined> {
  const meta = await sharp(image)
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) throw new AppError('unsupported_media_type');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) return undefined;
  try {
    // failOn 'error' rather than the default 'warning': a slightly truncated phone photo is still evidence.
    return await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: PREVIEW_MAX_SIDE, height: PREVIEW_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch {
    throw new AppError('unsupported_media_type');
  }
}
