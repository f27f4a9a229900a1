import type { Material } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import {
  draftsOf,
  type MaterialDraft,
  materialProblems,
  materialsPatch,
  moveMaterial,
} from './materials-edit';

const FILE = '0b8e1c9e-3c1e-4a7a-9d3a-1b2c3d4e5f60';
const UPLOAD = '1b8e1c9e-3c1e-4a7a-9d3a-1b2c3d4e5f61';
const saved: Material[] = [
  { title: 'Guide', kind: 'pdf', fileId: FILE, sizeBytes: 1200 },
  { title: 'Site', kind: 'link', url: 'https://anadeb.tg' },
];

describe('editing a task’s supporting material', () => {
  it('an unchanged list sends nothing; a reorder, a new upload or an edited title sends the whole list', () => {
    const drafts = draftsOf(saved);
    expect(materialsPatch(saved, drafts)).toBeUndefined();
    expect(materialsPatch(saved, moveMaterial(drafts, 1, -1))).toEqual([
      { title: 'Site', kind: 'link', url: 'https://anadeb.tg' },
      { title: 'Guide', kind: 'pdf', fileId: FILE },
    ]);
    const added: MaterialDraft = {
      title: ' Audio ',
      kind: 'audio',
      source: 'file',
      url: '',
      uploadId: UPLOAD,
    };
    expect(materialsPatch(saved, [...drafts, added])?.[2]).toEqual({
      title: 'Audio',
      kind: 'audio',
      uploadId: UPLOAD,
    });
  });

  it('moves stay inside the list', () => {
    expect(moveMaterial(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveMaterial(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveMaterial(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('flags a missing title, a link that is not http(s), a file row without a file', () => {
    const rows: MaterialDraft[] = [
      { title: '', kind: 'pdf', source: 'link', url: 'https://anadeb.tg' },
      { title: 'x', kind: 'link', source: 'link', url: 'javascript:alert(1)' },
      { title: 'y', kind: 'pdf', source: 'file', url: '', sent: 10 },
      { title: 'z', kind: 'pdf', source: 'file', url: '', uploadId: UPLOAD },
    ];
    expect(materialProblems(rows)).toEqual([
      { index: 0, field: 'title' },
      { index: 1, field: 'url' },
      { index: 2, field: 'file' },
    ]);
  });
});
