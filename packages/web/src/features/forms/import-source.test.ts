import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { koboContent, reportFromError } from './import-source';

const content = { survey: [{ type: 'text', name: 'a' }], choices: [], settings: { form_id: 'f' } };
const problem = {
  sheet: 'survey',
  row: 3,
  column: 'type',
  code: 'unknown_type',
  severity: 'error',
  reason: 'x',
};

describe('KoboToolbox text', () => {
  it('takes the content from a whole asset or from the content alone', () => {
    expect(koboContent(JSON.stringify({ uid: 'a1', content }))).toEqual(content);
    expect(koboContent(JSON.stringify(content))).toEqual(content);
  });

  it('refuses what is not a JSON object', () => {
    expect(() => koboContent('{ survey: ')).toThrow(SyntaxError);
    expect(() => koboContent('[1, 2]')).toThrow();
    expect(() => koboContent('null')).toThrow();
  });
});

describe('a refused publication', () => {
  it('reads the problems from the error, in either shape', () => {
    const err = new ApiError(422, 'xlsform_invalid', 'm', { form: null, problems: [problem] });
    expect(reportFromError(err)?.problems).toEqual([problem]);
    expect(reportFromError(new ApiError(422, 'xlsform_invalid', 'm', [problem]))?.problems).toEqual([
      problem,
    ]);
    expect(reportFromError(new ApiError(422, 'xlsform_invalid', 'm'))?.problems).toEqual([]);
  });

  it('ignores other errors', () => {
    expect(reportFromError(new ApiError(409, 'form_version_exists', 'm'))).toBeNull();
    expect(reportFromError(new Error('x'))).toBeNull();
  });
});
