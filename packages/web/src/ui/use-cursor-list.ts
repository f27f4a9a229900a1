import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export interface CursorList<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  /** Appends the next page ("Charger plus"). */
  loadMore: () => void;
  reload: () => void;
  /** Edits the loaded rows in place (after a delete or an update). */
  setItems: (update: (items: T[]) => T[]) => void;
}

/** A cursor-paginated list: the first page loads when `deps` change, later pages on demand. */
export function useCursorList<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  deps: DependencyList,
): CursorList<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Bumped by every first-page load so late "load more" answers for an old query are dropped.
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to reload.
  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    fetchRef.current(null).then(
      (page) => {
        if (gen !== generation.current) return;
        setItemsState(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (gen !== generation.current) return;
        setItemsState([]);
        setNextCursor(null);
        setError(err);
        setLoading(false);
      },
    );
  }, [...deps, version]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const gen = generation.current;
    setLoading(true);
    setError(null);
    fetchRef.current(nextCursor).then(
      (page) => {
        if (gen !== generation.current) return;
        setItemsState((prev) => [...prev, ...page.items]);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (gen !== generation.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, [nextCursor]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setItems = useCallback((update: (items: T[]) => T[]) => setItemsState(update), []);
  return { items, nextCursor, loading, error, loadMore, reload, setItems };
}
