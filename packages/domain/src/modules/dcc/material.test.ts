import { describe, expect, it } from 'vitest';
import { MATERIAL_MAX_BYTES, materialInputSchema, materialSchema } from './model.js';

const FILE = '0b8e1c9e-3c1e-4a7a-9d3a-1b2c3d4e5f60';
const issues = (value: unknown, schema = materialSchema) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('DCC supporting material', () => {
  it('takes an http(s) link or a stored file, exactly one of them', () => {
    expect(issues({ title: 'Guide', kind: 'pdf', url: 'https://anadeb.tg/guide.pdf' })).toEqual([]);
    expect(issues({ title: 'Guide', kind: 'link', url: 'HTTP://anadeb.tg' })).toEqual([]);
    expect(issues({ title: 'Guide', kind: 'pdf', fileId: FILE, sizeBytes: 1200 })).toEqual([]);
    expect(issues({ title: 'Guide', kind: 'pdf' })).toEqual(['material_url_or_file']);
    expect(issues({ title: 'Guide', kind: 'pdf', fileId: FILE, url: 'https://anadeb.tg' })).toEqual([
      'material_url_or_file',
    ]);
  });

  it('refuses other schemes, empty hosts, oversize files and blank titles', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://anadeb.tg/a',
      'http://',
      'anadeb.tg',
    ])
      expect(issues({ title: 'x', kind: 'link', url }), url).toContain('material_url_http');
    expect(issues({ title: 'x', kind: 'pdf', fileId: FILE, sizeBytes: MATERIAL_MAX_BYTES + 1 })).not.toEqual(
      [],
    );
    expect(issues({ title: '  ', kind: 'pdf', url: 'https://anadeb.tg' })).not.toEqual([]);
    expect(issues({ title: 'x', kind: 'book', url: 'https://anadeb.tg' })).not.toEqual([]);
  });

  it('an edit may send a completed upload instead, never with a link or a file', () => {
    expect(issues({ title: 'x', kind: 'audio', uploadId: FILE }, materialInputSchema)).toEqual([]);
    expect(issues({ title: 'x', kind: 'audio', uploadId: FILE }, materialSchema)).not.toEqual([]);
    expect(
      issues({ title: 'x', kind: 'audio', uploadId: FILE, url: 'https://anadeb.tg' }, materialInputSchema),
    ).toEqual(['material_url_or_file']);
  });
});
