/**
 * Recognises an upload by its content (magic bytes), never by its name or the MIME type the client claims:
 * both are trivially forged, and the type we record decides how browsers will render the bytes later.
 */
export type AttachmentKind = 'image' | 'pdf' | 'audio';

export interface SniffedType {
  kind: AttachmentKind;
  mimeType: string;
  extension: string;
}

const MIB = 1024 * 1024;

/** Photos and scans are capped at 10 MiB; voice recordings (for people who cannot write) at 20 MiB. */
export const MAX_BYTES: Record<AttachmentKind, number> = { image: 10 * MIB, pdf: 10 * MIB, audio: 20 * MIB };
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_BYTES));

/** Enough of the start of a file to see a WebM track list or an MP4 handler box near the front. */
export const SNIFF_BYTES = 4096;

const ascii = (head: Buffer, offset: number, text: string) =>
  head.length >= offset + text.length && head.toString('latin1', offset, offset + text.length) === text;

const bytes = (head: Buffer, offset: number, values: number[]) =>
  head.length >= offset + values.length && values.every((v, i) => head[offset + i] === v);

const type = (kind: AttachmentKind, mimeType: string, extension: string): SniffedType => ({
  kind,
  mimeType,
  extension,
});

// ISO base-media brands written by phone recorders and encoders for audio (.m4a); QuickTime and 3GPP are left
// out because browsers do not reliably play them.
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', 'iso5', 'iso6', 'dash']);

/** An MP4 is audio when no handler box of the part we have read declares a video track. */
function hasMp4VideoTrack(head: Buffer): boolean {
  for (let i = head.indexOf('hdlr'); i !== -1; i = head.indexOf('hdlr', i + 4)) {
    if (ascii(head, i + 12, 'vide')) return true;
  }
  return false;
}

/** Ogg is a container: accept it only when its first packet starts an Opus or Vorbis audio stream. */
function oggAudio(head: Buffer): boolean {
  const segments = head[26];
  if (segments === undefined) return false;
  const packet = 27 + segments;
  return ascii(head, packet, 'OpusHead') || ascii(head, packet, '\x01vorbis');
}

/** WebM from a browser's MediaRecorder; a file whose track list (near the start) names a video codec is not. */
function webmAudio(head: Buffer): boolean {
  const header = head.subarray(0, 64);
  if (!header.includes('webm')) return false;
  return !['V_VP8', 'V_VP9', 'V_AV1', 'V_MPEG'].some((codec) => head.includes(codec));
}

/** MPEG audio frame header: 11 sync bits, a valid version and bitrate; layer 0 is AAC in an ADTS frame. */
function mpegFrame(head: Buffer): SniffedType | undefined {
  const [b0, b1, b2] = [head[0], head[1], head[2]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return undefined;
  const layer = (b1 >> 1) & 0x03;
  if (layer === 0) return (b1 & 0xf6) === 0xf0 ? type('audio', 'audio/aac', 'aac') : undefined;
  const version = (b1 >> 3) & 0x03;
  const bitrate = b2 >> 4;
  const sampleRate = (b2 >> 2) & 0x03;
  if (version === 1 || bitrate === 0x0f || sampleRate === 0x03) return undefined;
  return type('audio', 'audio/mpeg', 'mp3');
}

/** The type of a file from its first bytes (up to SNIFF_BYTES), or undefined when it is not accepted. */
export function sniff(head: Buffer): SniffedType | undefined {
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return type('image', 'image/jpeg', 'jpg');
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return type('image', 'image/png', 'png');
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return type('image', 'image/webp', 'webp');
  if (ascii(head, 0, '%PDF-')) return type('pdf', 'application/pdf', 'pdf');
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return type('audio', 'audio/wav', 'wav');
  if (ascii(head, 0, 'OggS')) return oggAudio(head) ? type('audio', 'audio/ogg', 'ogg') : undefined;
  if (bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) {
    return webmAudio(head) ? type('audio', 'audio/webm', 'webm') : undefined;
  }
  if (ascii(head, 4, 'ftyp')) {
    const brand = head.toString('latin1', 8, 12);
    return MP4_AUDIO_BRANDS.has(brand) && !hasMp4VideoTrack(head)
      ? type('audio', 'audio/mp4', 'm4a')
      : undefined;
  }
  if (ascii(head, 0, '#!AMR-WB\n')) return type('audio', 'audio/amr-wb', 'awb');
  if (ascii(head, 0, '#!AMR\n')) return type('audio', 'audio/amr', 'amr');
  if (ascii(head, 0, 'ID3')) return type('audio', 'audio/mpeg', 'mp3');
  return mpegFrame(head);
}
