import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FileNotFoundError,
  type FileStore,
  InvalidFileKeyError,
  localFileStore,
  purgeStalePartials,
} from './file-store.js';

let root: string;
let store: FileStore;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'coso-files-'));
  store = localFileStore(path.join(root, 'files'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const filesUnder = async (dir: string) =>
  (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile());

describe('localFileStore', () => {
  it('stores buffers and streams under nested keys and reads them back, whole or by range', async () => {
    await store.put('complaints/a1/b2', Buffer.from('hello world'));
    await store.put('complaints/a1/b2-preview.webp', Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
    expect((await buffer(await store.get('complaints/a1/b2'))).toString()).toBe('hello world');
    expect((await buffer(await store.get('complaints/a1/b2', { start: 6, end: 10 }))).toString()).toBe(
      'world',
    );
    expect((await buffer(await store.get('complaints/a1/b2-preview.webp'))).toString()).toBe('abcd');
    expect(await store.size('complaints/a1/b2')).toBe(11);
    expect(await store.exists('complaints/a1/b2')).toBe(true);
  });

  it('replaces content atomically and removes idempotently', async () => {
    await store.put('x/y', Buffer.from('one'));
    await store.put('x/y', Buffer.from('two'));
    expect((await buffer(await store.get('x/y'))).toString()).toBe('two');
    await store.remove('x/y');
    await store.remove('x/y');
    expect(await store.exists('x/y')).toBe(false);
    expect(await store.size('x/y')).toBeUndefined();
    await expect(store.get('x/y')).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('leaves nothing behind when the incoming stream fails part-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(store.put('broken/file', failing)).rejects.toThrow('connection lost');
    expect(await store.exists('broken/file')).toBe(false);
    expect(await filesUnder(path.join(root, 'files', 'broken'))).toEqual([]);
  });

  it('refuses keys that could escape the root', async () => {
    for (const key of [
      '../etc/passwd',
      'a/../../b',
      '/etc/passwd',
      'a//b',
      '',
      'a\\b',
      'a/./b',
      '.hidden/..',
    ]) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidFileKeyError);
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidFileKeyError);
    }
  });
});

describe('purgeStalePartials', () => {
  it('deletes the partial files a killed write left, by age, and nothing else', async () => {
    const dir = path.join(root, 'purge', 'complaints', 'c1');
    await mkdir(dir, { recursive: true });
    const dead = path.join(dir, 'a1.0b5e3c1e-4a8c-4f0e-9d55-3b0c6a1f2e77.tmp');
    const writing = path.join(dir, 'a2.6f1d2b7a-9c3e-4d5f-8a1b-2c3d4e5f6a7b.tmp');
    const stored = path.join(dir, 'a3');
    for (const file of [dead, writing, stored]) await writeFile(file, 'x');
    const old = new Date(Date.now() - 2 * 86_400_000);
    for (const file of [dead, stored]) await utimes(file, old, old);
    expect(await purgeStalePartials(path.join(root, 'purge'), new Date(Date.now() - 86_400_000))).toBe(1);
    await expect(stat(dead)).rejects.toThrow();
    await stat(writing);
    await stat(stored);
    expect(await purgeStalePartials(path.join(root, 'absent'), new Date())).toBe(0);
  });
});
