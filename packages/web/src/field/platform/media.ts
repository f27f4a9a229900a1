/**
 * Photos and voice recordings on the phone, made small before they ever wait for a 2G upload.
 * Errors carry a `code` the screens translate (field i18n `media.<code>`).
 */
export type MediaErrorCode = 'photo_unreadable' | 'microphone_denied' | 'recording_unsupported';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

/** Scales (width, height) so the longer side is at most `maxSide`; never enlarges. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encodeJpeg(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  quality: number,
): Promise<Blob> {
  const draw = (ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D) => {
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    draw(canvas.getContext('2d')!);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas.getContext('2d')!);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))),
      'image/jpeg',
      quality,
    ),
  );
}

/**
 * A camera photo (often 4–12 MB) re-encoded as a JPEG of at most `maxSide` pixels (typically 150–400 KB).
 * Always re-encoded, even when already small: that also drops the EXIF block, whose GPS position could
 * reveal where a complainant lives. The orientation the camera recorded is applied first.
 */
export async function compressPhoto(file: File | Blob, maxSide = 1600, quality = 0.7): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    throw new MediaError('photo_unreadable', error instanceof Error ? error.message : String(error));
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
    return await encodeJpeg(bitmap, width, height, quality);
  } finally {
    bitmap.close();
  }
}

/** Opus first (small, clear speech at 24 kbit/s); the server recognises WebM, Ogg and MP4 audio by content. */
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm'];

export function pickAudioType(isSupported: (type: string) => boolean): string | undefined {
  return AUDIO_TYPES.find((type) => isSupported(type));
}

export interface AudioRecording {
  /** The container type of the recording, without codec parameters (e.g. "audio/webm"). */
  readonly type: string;
  /** Ends the recording (if still running) and returns it; the microphone is released. */
  stop(): Promise<Blob>;
  /** Ends the recording and throws it away; the microphone is released. */
  cancel(): void;
}

export interface AudioRecordingOptions {
  /** Stops by itself after this long (the recording is kept); the server accepts up to 20 MiB. */
  maxSeconds?: number;
  bitsPerSecond?: number;
}

/** Asks for the microphone and starts recording. Throws MediaError when it is refused or unavailable. */
export async function startAudioRecording(options: AudioRecordingOptions = {}): Promise<AudioRecording> {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    throw new MediaError('recording_unsupported', 'MediaRecorder is not available');
  }
  const mimeType = pickAudioType((t) => MediaRecorder.isTypeSupported(t));
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
    });
  } catch (error) {
    const denied = error instanceof DOMException && ['NotAllowedError', 'SecurityError'].includes(error.name);
    const message = error instanceof Error ? error.message : String(error);
    throw new MediaError(denied ? 'microphone_denied' : 'recording_unsupported', message);
  }
  const release = () => {
    for (const track of stream.getTracks()) track.stop();
  };
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, {
      ...(mimeType ? { mimeType } : {}),
      audioBitsPerSecond: options.bitsPerSecond ?? 24_000,
    });
  } catch (error) {
    release();
    throw new MediaError('recording_unsupported', error instanceof Error ? error.message : String(error));
  }

  const type = (recorder.mimeType || mimeType || 'audio/webm').split(';')[0]!.trim();
  const chunks: Blob[] = [];
  let discarded = false;
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0 && !discarded) chunks.push(event.data);
  };
  const finished = new Promise<Blob>((resolve) => {
    recorder.onstop = () => {
      release();
      resolve(new Blob(chunks, { type }));
    };
  });
  let limit: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    clearTimeout(limit);
    if (recorder.state !== 'inactive') recorder.stop();
  };
  try {
    // A slice every second, so the data survives if the recorder is stopped abruptly.
    recorder.start(1000);
  } catch (error) {
    release();
    throw new MediaError('recording_unsupported', error instanceof Error ? error.message : String(error));
  }
  limit = setTimeout(end, (options.maxSeconds ?? 15 * 60) * 1000);

  return {
    type,
    stop() {
      end();
      return finished;
    },
    cancel() {
      discarded = true;
      chunks.length = 0;
      end();
    },
  };
}
