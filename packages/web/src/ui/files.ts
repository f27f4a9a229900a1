/**
 * Files a person attaches from the browser (a complaint's attachments, a DCC material, a sub-project's proof):
 * the kinds the server accepts (it checks the content itself), their size limits, and sizes as people read them.
 */

const MIB = 1024 * 1024;

/** What the server accepts (it checks the content itself): photos, PDF and audio, 10 MiB (audio 20 MiB). */
export function fileKind(file: File): 'image' | 'pdf' | 'audio' | null {
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  if (['image/jpeg', 'image/png', 'image/webp'].includes(type) || /\.(jpe?g|png|webp)$/.test(name))
    return 'image';
  if (type === 'application/pdf' || name.endsWith('.pdf')) return 'pdf';
  if (type.startsWith('audio/') || /\.(mp3|m4a|aac|wav|ogg|opus|oga|webm|amr|awb)$/.test(name))
    return 'audio';
  return null;
}

export function maxBytes(kind: 'image' | 'pdf' | 'audio'): number {
  return kind === 'audio' ? 20 * MIB : 10 * MIB;
}

export const ACCEPTED_FILES =
  'image/jpeg,image/png,image/webp,application/pdf,audio/*,.jpg,.jpeg,.png,.webp,.pdf,.mp3,.m4a,.aac,.wav,.ogg,.opus,.webm,.amr';

/** "1,4 Mo" / "700 Ko". */
export function formatSize(bytes: number, locale: string): string {
  const mib = bytes / (1024 * 1024);
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return mib >= 1 ? `${n.format(mib)} Mo` : `${n.format(Math.max(1, Math.round(bytes / 1024)))} Ko`;
}
