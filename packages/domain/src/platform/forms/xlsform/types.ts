import type { FieldType } from '../definition.js';

/**
 * The `type` column of an XLSForm survey row, read the way pyxform reads it (its spellings and aliases),
 * mapped to COSO's field types. Every decision is in the maintainer guide's "XLSForm support" table.
 */
export type ParsedType =
  | { kind: 'field'; type: FieldType; list?: string; orOther?: boolean; range?: boolean }
  | { kind: 'begin'; container: 'group' | 'repeat' | 'loop' }
  | { kind: 'end'; container: 'group' | 'repeat' | 'loop' }
  | { kind: 'select_without_list' }
  | { kind: 'metadata' }
  | { kind: 'unsupported' }
  | { kind: 'unknown' };

const PLAIN: Record<string, FieldType> = {
  text: 'text',
  string: 'text',
  barcode: 'text',
  'phone number': 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  'date time': 'datetime',
  geopoint: 'geopoint',
  gps: 'geopoint',
  location: 'geopoint',
  image: 'image',
  photo: 'image',
  audio: 'audio',
  file: 'file',
  note: 'note',
  calculate: 'calculate',
  acknowledge: 'yes_no',
  trigger: 'yes_no',
};

/** Device and session metadata: ODK records it without a question; COSO does not collect it. */
const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
  'instanceid',
]);

/** Types COSO cannot run honestly: refused by name rather than approximated. */
const UNSUPPORTED = new Set([
  'geotrace',
  'geoshape',
  'video',
  'rank',
  'osm',
  'hidden',
  'xml-external',
  'csv-external',
  'select_one_from_file',
  'select_multiple_from_file',
  'select_one_external',
  'begin_table',
  'begin table',
  'end_table',
  'end table',
]);

const SELECT =
  /^(select_one|select_multiple|select one|select all that apply|select one from|select all that apply from|select_one from|select_multiple from)\s+(\S+)(\s+(or_other|or specify other))?$/;
const SELECT_ALONE = /^(select_one|select_multiple|select one|select all that apply)$/;

export function parseType(raw: string): ParsedType {
  const type = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (type.startsWith('uri:')) return { kind: 'metadata' };
  const container = /^(begin|end)[ _](group|repeat|loop)\b/.exec(type);
  if (container) {
    const which = container[2] as 'group' | 'repeat' | 'loop';
    return container[1] === 'begin' ? { kind: 'begin', container: which } : { kind: 'end', container: which };
  }
  const plain = PLAIN[type];
  if (plain) return { kind: 'field', type: plain };
  if (type === 'range') return { kind: 'field', type: 'decimal', range: true };
  if (METADATA.has(type)) return { kind: 'metadata' };
  const head = type.split(' ')[0]!;
  if (UNSUPPORTED.has(type) || UNSUPPORTED.has(head)) return { kind: 'unsupported' };
  // The list name keeps its case: lists are matched exactly, as in pyxform.
  const select = SELECT.exec(type);
  if (select) {
    const list = raw.trim().split(/\s+/)[type.split(' ').indexOf(select[2]!)]!;
    const multiple = select[1]!.startsWith('select_multiple') || select[1]!.startsWith('select all');
    return {
      kind: 'field',
      type: multiple ? 'select_multiple' : 'select_one',
      list,
      ...(select[3] ? { orOther: true } : {}),
    };
  }
  if (SELECT_ALONE.test(type)) return { kind: 'select_without_list' };
  return { kind: 'unknown' };
}

/** The `type` cell COSO writes for a field on export (coso_type keeps what XLSForm cannot say). */
export function exportType(type: FieldType, list?: string, orOther?: boolean): string {
  switch (type) {
    case 'money':
      return 'integer';
    case 'signature':
      return 'image';
    case 'datetime':
      return 'dateTime';
    case 'select_one':
    case 'select_multiple':
      return `${type} ${list ?? ''}${orOther ? ' or_other' : ''}`;
    case 'group':
      return 'begin_group';
    case 'repeat':
      return 'begin_repeat';
    default:
      return type;
  }
}
