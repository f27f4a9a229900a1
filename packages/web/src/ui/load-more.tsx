import { useI18n } from '../i18n/i18n-context';
import { ErrorAlert, Loading } from './alerts';
import type { CursorList } from './use-cursor-list';

/** Footer of a cursor list: error, spinner, or a "Charger plus" button while there is a next page. */
export function LoadMore<T>({ list }: { list: CursorList<T> }) {
  const { t } = useI18n();
  return (
    <div className="mt-2">
      <ErrorAlert error={list.error} />
      {list.loading && <Loading className="py-2" />}
      {!list.loading && list.nextCursor && (
        <button type="button" className="btn btn-outline-secondary" onClick={list.loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
