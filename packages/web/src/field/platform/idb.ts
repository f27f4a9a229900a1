/**
 * The few promise wrappers the field store needs over the raw IndexedDB API (no library: every kilobyte of
 * the field bundle travels over 2G).
 */

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when the transaction commits; rejects when it aborts (every write in it is then undone). */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A failed request aborts the transaction (nobody calls preventDefault), which reports here.
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/**
 * Runs `work` inside one transaction and waits for it to commit. `work` queues its requests synchronously
 * (awaiting anything else inside a transaction would let it commit early); when it throws, the transaction
 * is aborted, so nothing it wrote is kept. Its return value (often a request's promise) is returned after
 * the commit.
 */
export async function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => T,
  durability: IDBTransactionDurability = 'default',
): Promise<Awaited<T>> {
  const tx = db.transaction(stores, mode, { durability });
  const done = transactionDone(tx);
  let result: T;
  try {
    result = work(tx);
  } catch (error) {
    tx.abort();
    await done.catch(() => undefined);
    throw error;
  }
  // The abort reports the failure; a request promise rejecting with the same error must not go unhandled.
  if (result instanceof Promise) result.catch(() => undefined);
  await done;
  return await result;
}

export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase, oldVersion: number, tx: IDBTransaction) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion, request.transaction!);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading or deleting this database (logout elsewhere) must not be blocked by us.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
