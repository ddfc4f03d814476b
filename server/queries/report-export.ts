/**
 * The monthly figures as files people open in a spreadsheet: CSV (UTF-8 with a byte-order mark, so Excel and
 * WPS read the Chinese headers and department names correctly) and an Excel workbook (.xlsx). Headers are in the
 * language the request asks for, Chinese by default.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Language } from '../../contracts/messages/render.js';
import { EVALUATION_GRADES } from '../../engine/approval/evaluation.js';
import type { MonthlyRow } from './reports.js';

/** The exported columns, in order. */
export const MONTHLY_COLUMNS = [
  'department', 'itemCode', 'itemName', 'received', 'online', 'onlineShare', 'accepted', 'rejected', 'completed', 'onTime', 'overdue',
  'averageWorkingDays', 'expressDeliveries', 'grade1', 'grade2', 'grade3', 'grade4', 'grade5', 'rectificationsOpened', 'rectificationsCompleted',
] as const;
/** One of {@link MONTHLY_COLUMNS}. */
export type MonthlyColumn = (typeof MONTHLY_COLUMNS)[number];

/** 评价“非常满意”数 … one header per grade, from the grades' own names. */
function gradeHeaders(): Record<`grade${1 | 2 | 3 | 4 | 5}`, string> {
  return Object.fromEntries(EVALUATION_GRADES.map((g) => [`grade${g.grade}`, `评价“${g.name}”数`])) as Record<`grade${1 | 2 | 3 | 4 | 5}`, string>;
}

/** Column headers per language; the grades carry the names of the five 好差评 grades (国办发〔2019〕51号). */
export const MONTHLY_HEADERS: Record<Language, Record<MonthlyColumn, string>> = {
  'zh-CN': {
    department: '实施部门', itemCode: '事项编码', itemName: '事项名称', received: '收件数', online: '网上申请数', onlineShare: '网办率',
    accepted: '受理数', rejected: '不予受理数', completed: '办结数', onTime: '按时办结数', overdue: '超期办结数',
    averageWorkingDays: '平均办理工作日', expressDeliveries: '快递送达数', ...gradeHeaders(), rectificationsOpened: '差评整改数', rectificationsCompleted: '整改完成数',
  },
  en: {
    department: 'department', itemCode: 'itemCode', itemName: 'itemName', received: 'received', online: 'online', onlineShare: 'onlineShare',
    accepted: 'accepted', rejected: 'rejected', completed: 'completed', onTime: 'onTime', overdue: 'overdue',
    averageWorkingDays: 'averageWorkingDays', expressDeliveries: 'expressDeliveries', grade1: 'grade1', grade2: 'grade2', grade3: 'grade3',
    grade4: 'grade4', grade5: 'grade5', rectificationsOpened: 'rectificationsOpened', rectificationsCompleted: 'rectificationsCompleted',
  },
};

/** The MIME type of an Excel workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Value = string | number | null;

/** A row's values in column order. */
function values(r: MonthlyRow): Value[] {
  const flat: Record<string, Value> = { ...r, evaluations: null, ...Object.fromEntries(Object.entries(r.evaluations).map(([g, n]) => [`grade${g}`, n])) };
  return MONTHLY_COLUMNS.map((c) => flat[c] ?? null);
}

function cell(value: Value): string {
  const text = value === null ? '' : String(value);
  // RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV: a byte-order mark, the header line in `language`, then one line per row, CRLF line ends. */
export function monthlyCsv(rows: readonly MonthlyRow[], language: Language = 'zh-CN'): string {
  const headers = MONTHLY_HEADERS[language];
  const lines = [MONTHLY_COLUMNS.map((c) => cell(headers[c])).join(','), ...rows.map((r) => values(r).map(cell).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The rows as an Excel workbook with one sheet named after the month, the header row in bold. */
export async function monthlyXlsx(rows: readonly MonthlyRow[], month: string, language: Language = 'zh-CN'): Promise<Buffer> {
  const headers = MONTHLY_HEADERS[language];
  const head = MONTHLY_COLUMNS.map((c) => ({ value: headers[c], fontWeight: 'bold' as const }));
  // Texts stay texts (a department or item code is never turned into a number or a formula by the sheet).
  const body = rows.map((r) => values(r).map((v) => (v === null ? null : typeof v === 'number' ? { type: Number, value: v } : { type: String, value: v })));
  return writeXlsxFile([head, ...body], { sheet: month, columns: MONTHLY_COLUMNS.map((c) => ({ width: c === 'itemName' || c === 'department' ? 28 : 12 })) }).toBuffer();
}
