import type { User } from '../../../api/types';
import { listUsers } from '../../../api/users';
import { useI18n } from '../../../i18n/i18n-context';
import { Chip, ChipList, SearchPicker } from '../../../ui/search-picker';

export interface UserRef {
  id: string;
  displayName: string;
  username?: string;
}

interface UserPickerProps {
  id: string;
  label: string;
  value: UserRef[];
  onChange: (value: UserRef[]) => void;
  /** One person at most (a routing rule's named handler). */
  single?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
}

/** Active users found by name, username or e-mail (administrators: GET /api/v1/users?q=). */
export function UserPicker({ id, label, value, onChange, single, error, hint }: UserPickerProps) {
  const { t } = useI18n();
  const pick = (u: User) => {
    const ref = { id: u.id, displayName: u.displayName, username: u.username };
    onChange(single ? [ref] : [...value, ref]);
  };
  return (
    <SearchPicker<User>
      id={id}
      label={label}
      search={(q) => listUsers({ q, active: 'true', limit: 10 }).then((p) => p.items)}
      itemKey={(u) => u.id}
      renderItem={(u) => (
        <>
          <span className="fw-semibold">{u.displayName}</span>{' '}
          <span className="text-secondary small">
            · {u.username}
            {u.roles.length > 0 && ` · ${u.roles.map((r) => t(`role.${r}`)).join(', ')}`}
          </span>
        </>
      )}
      onPick={pick}
      exclude={new Set(value.map((v) => v.id))}
      placeholder={t('grm.userPlaceholder')}
      chosen={
        value.length > 0 && (
          <ChipList label={t('picker.current')}>
            {value.map((v) => (
              <Chip
                key={v.id}
                label={v.displayName}
                removeLabel={t('picker.remove', { name: v.displayName })}
                onRemove={() => onChange(value.filter((x) => x.id !== v.id))}
              />
            ))}
          </ChipList>
        )
      }
      error={error}
      hint={hint}
    />
  );
}
