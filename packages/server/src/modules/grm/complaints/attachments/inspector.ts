import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError, validationError } from '../../../../http/app-error.js';
import { MAX_BYTES, SNIFF_BYTES, type SniffedType, sniff } from './sniff.js';

/**
 * Sits between the multipart stream and the file store: recognises the type from the first bytes, counts,
 * hashes, and enforces the size limit of that type. A refused upload is not torn down at once: the rest of
 * the request is read and dropped, so the client gets a clean 413/415 instead of a reset connection, and the
 * error is raised at the end, which makes the store discard its temporary file.
 */
export class UploadInspector extends Transform {
  type: SniffedType | undefined;
  size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private failure: AppError | undefined;

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.failure) return done();
    this.hash.update(chunk);
    if (this.type) {
      if (this.withinLimit()) this.push(chunk);
      return done();
    }
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength >= SNIFF_BYTES) this.release();
    done();
  }

  override _flush(done: TransformCallback) {
    if (!this.failure && !this.type) this.release();
    if (!this.failure && this.size === 0)
      this.failure = validationError([{ path: 'file', message: 'empty' }]);
    done(this.failure ?? null);
  }

  /** Decides the type from the buffered head, then lets the head through if the upload is acceptable. */
  private release() {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.type = sniff(head.subarray(0, SNIFF_BYTES));
    if (!this.type) this.failure = new AppError('unsupported_media_type');
    else if (this.withinLimit()) this.push(head);
  }

  private withinLimit(): boolean {
    if (this.type && this.size > MAX_BYTES[this.type.kind]) {
      this.failure = new AppError('payload_too_large', { maxBytes: MAX_BYTES[this.type.kind] });
    }
    return !this.failure;
  }
}
