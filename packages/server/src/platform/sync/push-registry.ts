import type { FileStore } from '../../lib/file-store.js';
import { registerComplaintMutations } from '../../modules/grm/sync/mutations.js';
import { createMutationRegistry } from './mutations.js';
import type { UploadService } from './uploads.js';

/** Every mutation type the server accepts today; the DCC module registers its task mutations here too. */
export function createDefaultMutationRegistry(deps: { uploads: UploadService; files: FileStore }) {
  const registry = createMutationRegistry();
  registerComplaintMutations(registry, deps);
  return registry;
}
