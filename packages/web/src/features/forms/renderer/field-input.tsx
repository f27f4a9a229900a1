import type { FormField } from '@coso/domain';
import { CalculatedValue, DateField, DateTimeInput, NumberInput, TextInput, TimeInput } from './basic-inputs';
import { SelectMultipleInput, SelectOneInput, YesNoInput } from './choice-inputs';
import { FieldsetField, LabelledField, useFieldTexts } from './field-shell';
import { GeopointInput } from './geopoint-input';
import { FileInput, SignatureInput } from './media-inputs';
import { useRender } from './render-context';

/** Questions whose controls are a group of inputs (a fieldset names them) rather than one labelled input. */
const GROUPED = new Set(['select_one', 'select_multiple', 'yes_no', 'geopoint']);

function Note({ path, field }: { path: string; field: FormField }) {
  const { id, label, hint } = useFieldTexts(path, field);
  return (
    <div id={id} className="mb-3 form-field" data-path={path}>
      <p className="mb-1 fw-semibold">{label}</p>
      {hint && <p className="form-text mt-0">{hint}</p>}
    </div>
  );
}

/** One question (not a group or repeat) at `path`: its label, hint, control and error; nothing if not relevant. */
export function FieldInput({ path, field }: { path: string; field: FormField }) {
  const { state } = useRender();
  const view = state.view(path, field);
  if (!view.relevant || field.type === 'calculate') return null;
  if (field.type === 'note') return <Note path={path} field={field} />;
  const computed = field.calculation !== undefined;
  const props = { path, field, value: view.value, readOnly: view.readOnly, required: view.required };

  let control: React.ReactNode;
  if (computed) control = <CalculatedValue path={path} field={field} value={view.value} />;
  else
    switch (field.type) {
      case 'integer':
      case 'decimal':
      case 'money':
        control = <NumberInput {...props} kind={field.type} />;
        break;
      case 'date':
        control = <DateField {...props} />;
        break;
      case 'time':
        control = <TimeInput {...props} />;
        break;
      case 'datetime':
        control = <DateTimeInput {...props} />;
        break;
      case 'yes_no':
        control = <YesNoInput {...props} />;
        break;
      case 'select_one':
        control = <SelectOneInput {...props} choices={view.choices} />;
        break;
      case 'select_multiple':
        control = <SelectMultipleInput {...props} choices={view.choices} />;
        break;
      case 'geopoint':
        control = <GeopointInput {...props} />;
        break;
      case 'image':
      case 'audio':
      case 'file':
        control = <FileInput {...props} />;
        break;
      case 'signature':
        control = <SignatureInput {...props} />;
        break;
      default:
        control = <TextInput {...props} />;
    }
  const minimal = field.type === 'select_one' && field.appearance?.includes('minimal');
  const Shell = GROUPED.has(field.type) && !minimal && !computed ? FieldsetField : LabelledField;
  return (
    <Shell path={path} field={field} required={view.required}>
      {control}
    </Shell>
  );
}
