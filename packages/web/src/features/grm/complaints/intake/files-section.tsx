import { useRef, useState } from 'react';
import { useI18n } from '../../../../i18n/i18n-context';
import { Card } from '../../../../ui/card';
import { ACCEPTED_FILES, fileKind, formatSize, maxBytes } from '../../../../ui/files';
import { FieldHelp } from '../../../../ui/form-fields';
import { Chip, ChipList } from '../../../../ui/search-picker';

/**
 * Files chosen before the case exists: checked here (type and size, as the server will) and uploaded right
 * after the case is created.
 */
export function FilesSection({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const { t, locale } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);

  function add(list: FileList | null) {
    const accepted: File[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list ?? [])) {
      const kind = fileKind(file);
      if (!kind) problems.push(t('intake.fileBadType', { name: file.name }));
      else if (file.size > maxBytes(kind))
        problems.push(t('intake.fileTooBig', { name: file.name, max: maxBytes(kind) / (1024 * 1024) }));
      else if (!files.some((f) => f.name === file.name && f.size === file.size)) accepted.push(file);
    }
    setRefused(problems);
    onChange([...files, ...accepted]);
    if (inputRef.current) inputRef.current.value = '';
  }

  return (
    <Card title={t('intake.section.attachments')} outline="primary" landmark={false}>
      <label htmlFor="intake-files" className="form-label">
        {t('intake.files')}
      </label>
      {files.length > 0 && (
        <ChipList label={t('intake.chosenFiles')}>
          {files.map((f, i) => (
            <Chip
              key={`${f.name}-${f.size}`}
              label={`${f.name} (${formatSize(f.size, locale)})`}
              removeLabel={t('intake.removeFile', { name: f.name })}
              onRemove={() => onChange(files.filter((_, j) => j !== i))}
            />
          ))}
        </ChipList>
      )}
      <input
        ref={inputRef}
        id="intake-files"
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        className={`form-control${refused.length ? ' is-invalid' : ''}`}
        onChange={(e) => add(e.target.files)}
        aria-describedby={`intake-files-hint${refused.length ? ' intake-files-error' : ''}`}
      />
      <FieldHelp id="intake-files" hint={t('intake.filesHint')} error={refused.join(' ') || undefined} />
    </Card>
  );
}
