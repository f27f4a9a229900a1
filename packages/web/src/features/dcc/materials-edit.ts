import {
  MATERIAL_KINDS,
  type Material,
  type MaterialInput,
  type MaterialKind,
  materialInputSchema,
} from '@coso/domain';

/**
 * A task's supporting material as the template dialog edits it: each row a link (`url`) or a file — one the
 * task already has (`fileId`) or one just uploaded (`uploadId`, claimed by the server on save).
 */
export interface MaterialDraft {
  title: string;
  kind: MaterialKind;
  source: 'link' | 'file';
  url: string;
  fileId?: string;
  uploadId?: string;
  sizeBytes?: number;
  /** The chosen file's name, until saved. */
  fileName?: string;
  /** Bytes of the chosen file sent so far, while its upload runs. */
  sent?: number;
  /** Why the chosen file was not uploaded (translated message). */
  failed?: string;
}

export const FILE_KINDS = MATERIAL_KINDS.filter((k) => k !== 'link' && k !== 'video');
export type MaterialProblem = { index: number; field: 'title' | 'url' | 'file' };

export function draftsOf(materials: readonly Material[]): MaterialDraft[] {
  return materials.map((m) => ({
    title: m.title,
    kind: m.kind,
    source: m.fileId ? 'file' : 'link',
    url: m.url ?? '',
    fileId: m.fileId,
    sizeBytes: m.sizeBytes,
  }));
}

/** What the server is sent for a row (a file row without a file yet sends nothing usable: a problem). */
export function inputOf(d: MaterialDraft): MaterialInput {
  const base = { title: d.title.trim(), kind: d.kind };
  if (d.source === 'link') return { ...base, url: d.url.trim() };
  if (d.uploadId) return { ...base, uploadId: d.uploadId };
  return d.fileId ? { ...base, fileId: d.fileId } : base;
}

/** Rows the server would refuse: no title, a link that is not http(s), a file row with no file. */
export function materialProblems(drafts: readonly MaterialDraft[]): MaterialProblem[] {
  return drafts.flatMap((d, index) => {
    const parsed = materialInputSchema.safeParse(inputOf(d));
    if (parsed.success) return [];
    const problems: MaterialProblem[] = [];
    const paths = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    if (paths.has('title')) problems.push({ index, field: 'title' });
    if (paths.has('url')) problems.push({ index, field: d.source === 'link' ? 'url' : 'file' });
    return problems;
  });
}

/** The rows with the one at `index` moved by `delta` (−1 up, +1 down); unchanged at either end. */
export function moveMaterial<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** The `materials` of a task edit, or undefined when the rows say what the task already has. */
export function materialsPatch(
  before: readonly Material[],
  drafts: readonly MaterialDraft[],
): MaterialInput[] | undefined {
  const inputs = drafts.map(inputOf);
  const same = JSON.stringify(inputs) === JSON.stringify(draftsOf(before).map(inputOf));
  return same ? undefined : inputs;
}
