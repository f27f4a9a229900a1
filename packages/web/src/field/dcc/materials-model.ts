import type { Material } from '@coso/domain';

/**
 * What the task screen shows of one supporting material: a file the phone can keep (its size shown before
 * the download) or an external link, readable online only.
 */
export type MaterialRow =
  | { kind: Material['kind']; title: string; key: string; type: 'link'; url: string }
  | {
      kind: Material['kind'];
      title: string;
      key: string;
      type: 'file';
      fileId: string;
      sizeBytes: number | null;
      saved: boolean;
    };

export function materialRows(materials: readonly Material[], saved: ReadonlySet<string>): MaterialRow[] {
  return materials.flatMap((m, i): MaterialRow[] => {
    const base = { kind: m.kind, title: m.title, key: `${i}:${m.fileId ?? m.url}` };
    if (m.fileId)
      return [
        {
          ...base,
          type: 'file',
          fileId: m.fileId,
          sizeBytes: m.sizeBytes ?? null,
          saved: saved.has(m.fileId),
        },
      ];
    // Only http(s) is ever shown as a link (the server refuses others; an old row is not trusted either).
    return m.url && /^https?:\/\//i.test(m.url) ? [{ ...base, type: 'link', url: m.url }] : [];
  });
}

/** The bytes as the phone's other screens say them: "850 Ko", "1,4 Mo". */
export function sizeText(bytes: number, locale: string): { key: 'unit.kb' | 'unit.mb'; n: string } {
  if (bytes < 1024 * 1024) return { key: 'unit.kb', n: String(Math.max(1, Math.round(bytes / 1024))) };
  return { key: 'unit.mb', n: (bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 }) };
}
