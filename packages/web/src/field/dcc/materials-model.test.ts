import type { Material } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import { readTask } from './dcc-rows';
import { materialRows, sizeText } from './materials-model';

const FILE = '0b8e1c9e-3c1e-4a7a-9d3a-1b2c3d4e5f60';
const materials: Material[] = [
  { title: 'Guide', kind: 'pdf', fileId: FILE, sizeBytes: 1_500_000 },
  { title: 'Vidéo', kind: 'video', url: 'https://anadeb.tg/video' },
  { title: 'Piège', kind: 'link', url: 'javascript:alert(1)' },
];

describe('the phone’s supporting material list', () => {
  it('files can be kept (size known, kept or not); links are online only; other schemes are dropped', () => {
    expect(materialRows(materials, new Set())).toEqual([
      {
        kind: 'pdf',
        title: 'Guide',
        key: `0:${FILE}`,
        type: 'file',
        fileId: FILE,
        sizeBytes: 1_500_000,
        saved: false,
      },
      {
        kind: 'video',
        title: 'Vidéo',
        key: '1:https://anadeb.tg/video',
        type: 'link',
        url: 'https://anadeb.tg/video',
      },
    ]);
    const [file] = materialRows(materials, new Set([FILE]));
    expect(file).toMatchObject({ type: 'file', saved: true });
  });

  it('says sizes as the other screens do', () => {
    expect(sizeText(1_500_000, 'fr')).toEqual({ key: 'unit.mb', n: '1,4' });
    expect(sizeText(300, 'fr')).toEqual({ key: 'unit.kb', n: '1' });
    expect(sizeText(700 * 1024, 'en')).toEqual({ key: 'unit.kb', n: '700' });
  });

  it('a synced task keeps its stored files and links, not malformed rows', () => {
    const task = readTask({
      id: 't1',
      changeSeq: 1,
      materials: [...materials, { title: 'Sans source', kind: 'pdf' }, 'x'],
    });
    expect(task.materials.map((m) => m.title)).toEqual(['Guide', 'Vidéo', 'Piège']);
  });
});
