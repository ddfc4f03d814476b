/**
 * The texts of the rule-table findings (the loader, the JSON Schema, the linter, compiling, a package's
 * tables), by their stable message code (`messageCode`) and parameters, in Chinese (the default) and English.
 * A finding's parameters name where it is (`row` and `rowNo` counted from 1, `column` and `columnLabel`, its
 * label or else its name; `path`, a JSON path the texts turn into words) and what it is about (the cell, a
 * value, the allowed values). Codes (types, purposes, hit policies) are worded here, never in the parameters.
 * Shared by the server (the finding's `message` in the asked language) and the modeler's rule editor (which
 * shows them in Chinese). A `[…]` segment is left out when one of its placeholders has no value. Pure: no I/O.
 */
import { ZH_CN_FIELD_MESSAGES } from './codes.js';
import { fillTemplate, refusalMessage, type Language, type RefusalBody } from './render.js';

/** Every message code of a rule-table finding, with the parameters its texts need (optional ones not listed). */
export const RULE_FINDING_PARAMS = {
  // Reading the file.
  FILE_NOT_UTF8: ['file', 'byte', 'line'],
  JSON_SYNTAX: ['file', 'detail'],
  YAML_SYNTAX: ['file', 'line', 'col', 'detail'],
  YAML_SYNTAX_QUOTE_CELL: ['file', 'line', 'col', 'detail'],
  YAML_ALIAS: ['file', 'detail'],
  DMN_UNREADABLE: ['file', 'detail'],
  DECISION_REQUIRED: ['file', 'decisions'],
  DECISION_UNKNOWN: ['decision', 'decisions'],
  TABLE_NOT_MAPPING: ['file'],
  // The rule-table format (JSON Schema).
  TABLE_FIELD_MISSING: ['path', 'field'],
  TABLE_FIELD_UNKNOWN: ['path', 'field'],
  TABLE_VALUE_NOT_ALLOWED: ['path', 'allowed'],
  TABLE_FIELD_INVALID: ['path', 'keyword', 'detail'],
  TABLE_PURPOSE_RETIRED: ['path', 'purpose'],
  // Cells YAML turned into something else.
  CELL_EMPTY: ['row', 'rowNo', 'column', 'columnLabel'],
  CELL_READ_AS_LIST: ['row', 'rowNo', 'column', 'columnLabel', 'value'],
  CELL_READ_AS_MAPPING: ['row', 'rowNo', 'column', 'columnLabel'],
  CELL_SWALLOWED: ['row', 'rowNo', 'column', 'columnLabel'],
  // The table's own consistency.
  ROW_CONDITION_COUNT: ['row', 'rowNo', 'cells', 'columns'],
  ROW_RESULT_COUNT: ['row', 'rowNo', 'cells', 'columns'],
  ROW_UNKNOWN_INPUT: ['row', 'rowNo', 'column', 'columns'],
  ROW_UNKNOWN_OUTPUT: ['row', 'rowNo', 'column', 'columns'],
  DUPLICATE_INPUT: ['column', 'columnNo'],
  DUPLICATE_OUTPUT: ['column', 'columnNo'],
  DUPLICATE_ROW: ['row', 'rowNo'],
  // The linter.
  CELL_TEST_SYNTAX: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'detail'],
  CELL_EXPRESSION_SYNTAX: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'detail'],
  CELL_OVER_BUDGET: ['column', 'columnLabel', 'cell', 'kind', 'detail'],
  CELL_UNQUOTED_TEXT: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'name'],
  CELL_TYPE_MISMATCH: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'type', 'columnType'],
  CELL_VALUE_NOT_ALLOWED: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'value', 'allowed'],
  OUTPUT_UNQUOTED_TEXT: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'name'],
  OUTPUT_TYPE_MISMATCH: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'type', 'columnType'],
  OUTPUT_VALUE_NOT_ALLOWED: ['row', 'rowNo', 'column', 'columnLabel', 'cell', 'allowed'],
  DEFAULT_UNQUOTED_TEXT: ['column', 'columnLabel', 'cell', 'name'],
  DEFAULT_TYPE_MISMATCH: ['column', 'columnLabel', 'cell', 'type', 'columnType'],
  DEFAULT_VALUE_NOT_ALLOWED: ['column', 'columnLabel', 'cell', 'allowed'],
  PURPOSE_HIT_POLICY: ['purpose', 'hitPolicies', 'hitPolicy'],
  PURPOSE_AGGREGATION: ['purpose', 'aggregation'],
  PURPOSE_AGGREGATION_NEEDED: ['purpose'],
  PURPOSE_OUTPUT_MISSING: ['purpose', 'column', 'columnType'],
  PURPOSE_OUTPUT_TYPE: ['purpose', 'column', 'columnLabel', 'columnType', 'type'],
  ROW_NO_BASIS: ['row', 'rowNo'],
  ROWS_OVERLAP: ['row', 'rowNo', 'otherRow', 'otherRowNo'],
  ROWS_CONFLICT: ['row', 'rowNo', 'otherRow', 'otherRowNo'],
  CELL_MATCHES_NOTHING: ['row', 'rowNo', 'column', 'columnLabel', 'cell'],
  ROW_SHADOWED: ['row', 'rowNo', 'otherRow', 'otherRowNo'],
  TEST_UNKNOWN_ROW: ['test', 'expectedRow'],
  TEST_UNKNOWN_INPUT: ['test', 'input'],
  TEST_NO_EXPECTATION: ['test'],
  // Running the embedded tests.
  TEST_RESULT_DIFFERS: ['test', 'expected', 'got'],
  TEST_ROWS_DIFFER: ['test', 'expected', 'got'],
  TEST_NO_ROWS: ['test', 'expected'],
  TEST_DECISION_ERROR: ['test', 'detail'],
  TEST_OVER_BUDGET: ['test', 'kind', 'detail'],
  // An item package's tables.
  TABLE_TEST_FAILED: ['test', 'problems'],
  DUPLICATE_PURPOSE: ['purpose', 'existing'],
  TABLE_MISSING: ['purpose'],
} as const satisfies Record<string, readonly string[]>;

/** One message code of a rule-table finding. */
export type RuleFindingCode = keyof typeof RULE_FINDING_PARAMS;
/** Every message code of a rule-table finding. */
export const RULE_FINDING_CODES = Object.keys(RULE_FINDING_PARAMS) as RuleFindingCode[];

const ZH: Record<RuleFindingCode, string> = {
  FILE_NOT_UTF8: '文件“{file}”第{line}行（第{byte}个字节）不是 UTF-8 编码；请将文件另存为 UTF-8（GBK/GB2312 编码的文件须先转换）',
  JSON_SYNTAX: '文件“{file}”[第{line}行][第{col}列]不是有效的 JSON',
  YAML_SYNTAX: '文件“{file}”第{line}行第{col}列不是有效的 YAML',
  YAML_SYNTAX_QUOTE_CELL: '文件“{file}”第{line}行第{col}列不是有效的 YAML：以 -、>、< 或方括号开头的单元格须加引号，例如 age: \'>= 18\'',
  YAML_ALIAS: '文件“{file}”[第{line}行][第{col}列]的 YAML 引用无法解析；决策表中不需要使用锚点（&名称）和引用（*名称）',
  DMN_UNREADABLE: '文件“{file}”不是可以读取的 DMN 模型',
  DECISION_REQUIRED: '文件“{file}”中有多个决策（{decisions}），请指定要使用的决策',
  DECISION_UNKNOWN: '模型中没有决策“{decision}”（已有的决策：{decisions}）',
  TABLE_NOT_MAPPING: '文件“{file}”不是决策表：决策表须有 id、name、inputs、outputs 和 rows',
  TABLE_FIELD_MISSING: '[{where}]缺少必填字段“{field}”',
  TABLE_FIELD_UNKNOWN: '[{where}]有不认识的字段“{field}”，请删除或改正',
  TABLE_VALUE_NOT_ALLOWED: '{where}的取值不在允许范围内，只能是 {allowed}',
  TABLE_FIELD_INVALID: '[{where}]{fieldText}',
  TABLE_PURPOSE_RETIRED: '规则表用途“{purpose}”已停用：{retiredWord}',
  CELL_EMPTY: '第{rowNo}行“{columnLabel}”列是空的（YAML 把单独的 - 读作空值）；表示“任意值”请写带引号的 \'-\'',
  CELL_READ_AS_LIST: '第{rowNo}行“{columnLabel}”列被 YAML 读成了列表 {value}；区间须加引号，例如 {intervalExample}',
  CELL_READ_AS_MAPPING: '第{rowNo}行“{columnLabel}”列被 YAML 读成了键值对；请给单元格内容加引号',
  CELL_SWALLOWED: '第{rowNo}行“{columnLabel}”列是空的；若写了不带引号的 >5 或 >=5，YAML 会把它吞掉，请写成 \'>= 5\'',
  ROW_CONDITION_COUNT: '第{rowNo}行有 {cells} 个条件单元格，但表中有 {columns} 个输入列',
  ROW_RESULT_COUNT: '第{rowNo}行有 {cells} 个结果单元格，但表中有 {columns} 个输出列',
  ROW_UNKNOWN_INPUT: '第{rowNo}行的条件“{column}”不是表中的输入列（输入列：{columns}）',
  ROW_UNKNOWN_OUTPUT: '第{rowNo}行的结果“{column}”不是表中的输出列（输出列：{columns}）',
  DUPLICATE_INPUT: '有两个输入列都叫“{column}”（第{columnNo}个输入列重名），列名不能重复',
  DUPLICATE_OUTPUT: '有两个输出列都叫“{column}”（第{columnNo}个输出列重名），列名不能重复',
  DUPLICATE_ROW: '第{rowNo}行的编号“{row}”已被前面的行使用，行编号不能重复',
  CELL_TEST_SYNTAX: '第{rowNo}行“{columnLabel}”列的条件“{cell}”写法不正确，不是有效的条件表达式',
  CELL_EXPRESSION_SYNTAX: '第{rowNo}行“{columnLabel}”列的结果“{cell}”写法不正确，不是有效的表达式',
  CELL_OVER_BUDGET: '[第{rowNo}行]“{columnLabel}”列的“{cell}”计算时会超出计算预算（{kindWord}），部署时将被拒绝',
  CELL_UNQUOTED_TEXT: '第{rowNo}行“{columnLabel}”列的条件“{cell}”中，{name} 会被当作变量名而不是文字；请写成 "{name}"（YAML 中写 \'"{name}"\'）',
  CELL_TYPE_MISMATCH: '第{rowNo}行“{columnLabel}”列的条件“{cell}”比较的是{typeWord}，但该列的类型为{columnTypeWord}',
  CELL_VALUE_NOT_ALLOWED: '第{rowNo}行“{columnLabel}”列的条件“{cell}”中，{value} 不是该列允许的取值（允许：{allowed}）',
  OUTPUT_UNQUOTED_TEXT: '第{rowNo}行“{columnLabel}”列的结果“{cell}”会被当作变量名而不是文字；请写成 "{name}"（YAML 中写 \'"{name}"\'）',
  OUTPUT_TYPE_MISMATCH: '第{rowNo}行“{columnLabel}”列的结果“{cell}”是{typeWord}，但该列的类型为{columnTypeWord}',
  OUTPUT_VALUE_NOT_ALLOWED: '第{rowNo}行“{columnLabel}”列的结果“{cell}”不是该列允许的取值（允许：{allowed}）',
  DEFAULT_UNQUOTED_TEXT: '“{columnLabel}”列的默认值“{cell}”会被当作变量名而不是文字；请写成 "{name}"（YAML 中写 \'"{name}"\'）',
  DEFAULT_TYPE_MISMATCH: '“{columnLabel}”列的默认值“{cell}”是{typeWord}，但该列的类型为{columnTypeWord}',
  DEFAULT_VALUE_NOT_ALLOWED: '“{columnLabel}”列的默认值“{cell}”不是该列允许的取值（允许：{allowed}）',
  PURPOSE_HIT_POLICY: '{purposeWord}表的命中策略应为{hitPoliciesWord}，不能用{hitPolicyWord}',
  PURPOSE_AGGREGATION: '{purposeWord}表不能使用 {aggregation} 汇总[（可用：{aggregations}）]',
  PURPOSE_AGGREGATION_NEEDED: '{purposeWord}表须指定汇总方式[（{aggregations}）]',
  PURPOSE_OUTPUT_MISSING: '{purposeWord}表须有输出列“{column}”（{columnTypeWord}）',
  PURPOSE_OUTPUT_TYPE: '{purposeWord}表的输出列“{columnLabel}”类型应为{columnTypeWord}，不能是{typeWord}',
  ROW_NO_BASIS: '第{rowNo}行没有填写法律依据，请注明依据的法律法规条款',
  ROWS_OVERLAP: '第{otherRowNo}行与第{rowNo}行可能同时命中[（{when}）]；命中策略为“唯一”的表中，各行的条件不能重叠',
  ROWS_CONFLICT: '第{otherRowNo}行与第{rowNo}行可能同时命中[（{when}）]且结果不同；命中策略为“任一”的表中，同时命中的行结果必须相同',
  CELL_MATCHES_NOTHING: '第{rowNo}行“{columnLabel}”列的条件“{cell}”不能匹配任何取值，这一行永远不会命中',
  ROW_SHADOWED: '第{otherRowNo}行已涵盖第{rowNo}行的全部条件，命中策略为“首个”时第{rowNo}行永远用不到',
  TEST_UNKNOWN_ROW: '测试用例“{test}”期望命中“{expectedRow}”行，但表中没有这一行',
  TEST_UNKNOWN_INPUT: '测试用例“{test}”给出了“{input}”，但没有输入列读取它',
  TEST_NO_EXPECTATION: '测试用例“{test}”既没有期望结果，也没有期望命中的行',
  TEST_RESULT_DIFFERS: '期望结果为 {expected}，实际结果为 {got}',
  TEST_ROWS_DIFFER: '期望命中的行为 {expected}，实际命中的行为 {got}',
  TEST_NO_ROWS: '期望命中的行为 {expected}，实际没有命中任何行',
  TEST_DECISION_ERROR: '按此输入，决策表违反了命中策略或无法汇总结果，没有得出决策',
  TEST_OVER_BUDGET: '按此输入计算时超出计算预算（{kindWord}），已停止计算',
  TABLE_TEST_FAILED: '测试用例“{test}”未通过：{reasonText}',
  DUPLICATE_PURPOSE: '又一张{purposeWord}表；“{existing}”中已有一张，每种用途只能有一张表',
  TABLE_MISSING: '事项包缺少{purposeWord}表',
};

const EN: Record<RuleFindingCode, string> = {
  FILE_NOT_UTF8: "byte {byte} (line {line}) of '{file}' is not valid UTF-8; save the file as UTF-8 (files saved as GBK/GB2312 must be converted first)",
  JSON_SYNTAX: "'{file}'[ at line {line}][, column {col}] is not valid JSON: {detail}",
  YAML_SYNTAX: "'{file}' at line {line}, column {col} is not valid YAML: {detail}",
  YAML_SYNTAX_QUOTE_CELL: "'{file}' at line {line}, column {col} is not valid YAML: {detail} — a cell starting with '-', '>', '<' or a bracket must be quoted, e.g. age: '>= 18'",
  YAML_ALIAS: "'{file}'[ at line {line}][, column {col}]: {detail}; YAML anchors (&name) and aliases (*name) are not needed in a rule table",
  DMN_UNREADABLE: "'{file}' is not a readable DMN model: {detail}",
  DECISION_REQUIRED: "'{file}' holds several decisions ({decisions}); choose one",
  DECISION_UNKNOWN: "no decision '{decision}' in the model (known decisions: {decisions})",
  TABLE_NOT_MAPPING: "'{file}' is not a rule table: a rule table must be a mapping with id, name, inputs, outputs and rows",
  TABLE_FIELD_MISSING: "[{where}: ]missing field '{field}'",
  TABLE_FIELD_UNKNOWN: "[{where}: ]unknown field '{field}'",
  TABLE_VALUE_NOT_ALLOWED: '{where}: must be one of {allowed}',
  TABLE_FIELD_INVALID: '[{where}: ]{detail}',
  TABLE_PURPOSE_RETIRED: "the purpose '{purpose}' is retired: {retiredWord}",
  CELL_EMPTY: "row #{rowNo}, column '{columnLabel}': the cell is empty (YAML reads a bare '-' as empty); write '-' in quotes to match anything",
  CELL_READ_AS_LIST: "row #{rowNo}, column '{columnLabel}': YAML read this cell as a list {value}; an interval must be quoted, e.g. {intervalExample}",
  CELL_READ_AS_MAPPING: "row #{rowNo}, column '{columnLabel}': YAML read this cell as a mapping; quote the cell text",
  CELL_SWALLOWED: "row #{rowNo}, column '{columnLabel}': the cell is empty; if you wrote >5 or >=5 without quotes YAML swallowed it — write '>= 5'",
  ROW_CONDITION_COUNT: 'row #{rowNo} has {cells} condition cells but the table has {columns} inputs',
  ROW_RESULT_COUNT: 'row #{rowNo} has {cells} result cells but the table has {columns} outputs',
  ROW_UNKNOWN_INPUT: "row #{rowNo}: '{column}' is not one of the inputs ({columns})",
  ROW_UNKNOWN_OUTPUT: "row #{rowNo}: '{column}' is not one of the outputs ({columns})",
  DUPLICATE_INPUT: "two inputs are named '{column}' (input #{columnNo})",
  DUPLICATE_OUTPUT: "two outputs are named '{column}' (output #{columnNo})",
  DUPLICATE_ROW: "row #{rowNo}: the row id '{row}' is used twice",
  CELL_TEST_SYNTAX: "row #{rowNo}, column '{columnLabel}': '{cell}' is not a valid unary test: {detail}",
  CELL_EXPRESSION_SYNTAX: "row #{rowNo}, column '{columnLabel}': '{cell}' is not a valid expression: {detail}",
  CELL_OVER_BUDGET: "[row #{rowNo}, ]column '{columnLabel}': '{cell}' would exceed the evaluation budget: {detail}",
  CELL_UNQUOTED_TEXT: "row #{rowNo}, column '{columnLabel}': in '{cell}', {name} is read as a variable name, not as text; write \"{name}\" (in YAML: '\"{name}\"')",
  CELL_TYPE_MISMATCH: "row #{rowNo}, column '{columnLabel}': '{cell}' tests {typeWord} but the input is {columnTypeWord}",
  CELL_VALUE_NOT_ALLOWED: "row #{rowNo}, column '{columnLabel}': in '{cell}', {value} is not an allowed value ({allowed})",
  OUTPUT_UNQUOTED_TEXT: "row #{rowNo}, column '{columnLabel}': '{cell}' is read as a variable name, not as text; write \"{name}\" (in YAML: '\"{name}\"')",
  OUTPUT_TYPE_MISMATCH: "row #{rowNo}, column '{columnLabel}': '{cell}' is {typeWord} but the output is {columnTypeWord}",
  OUTPUT_VALUE_NOT_ALLOWED: "row #{rowNo}, column '{columnLabel}': '{cell}' is not an allowed value ({allowed})",
  DEFAULT_UNQUOTED_TEXT: "the default '{cell}' of column '{columnLabel}' is read as a variable name, not as text; write \"{name}\" (in YAML: '\"{name}\"')",
  DEFAULT_TYPE_MISMATCH: "the default '{cell}' of column '{columnLabel}' is {typeWord} but the output is {columnTypeWord}",
  DEFAULT_VALUE_NOT_ALLOWED: "the default '{cell}' of column '{columnLabel}' is not an allowed value ({allowed})",
  PURPOSE_HIT_POLICY: "a table of purpose '{purpose}' uses hit policy {hitPoliciesWord}, not {hitPolicyWord}",
  PURPOSE_AGGREGATION: "a table of purpose '{purpose}' cannot use the aggregation {aggregation}[ (it may use {aggregations})]",
  PURPOSE_AGGREGATION_NEEDED: "a table of purpose '{purpose}' needs an aggregation[ ({aggregations})]",
  PURPOSE_OUTPUT_MISSING: "a table of purpose '{purpose}' needs an output '{column}' ({columnTypeWord})",
  PURPOSE_OUTPUT_TYPE: "output '{columnLabel}' of a table of purpose '{purpose}' is {columnTypeWord}, not {typeWord}",
  ROW_NO_BASIS: 'row #{rowNo} has no annotation; cite its legal basis (法律依据)',
  ROWS_OVERLAP: "rows '{otherRow}' (#{otherRowNo}) and '{row}' (#{rowNo}) can both match[ ({when})]; the rows of a UNIQUE table must not overlap",
  ROWS_CONFLICT: "rows '{otherRow}' (#{otherRowNo}) and '{row}' (#{rowNo}) can both match[ ({when})] with different outputs; under ANY, rows that match together must give the same outputs",
  CELL_MATCHES_NOTHING: "row #{rowNo}, column '{columnLabel}': '{cell}' matches no possible value, so the row can never match",
  ROW_SHADOWED: "row '{otherRow}' (#{otherRowNo}) matches every input row #{rowNo} matches, so under FIRST row #{rowNo} is never used",
  TEST_UNKNOWN_ROW: "test '{test}' expects row '{expectedRow}', which the table does not have",
  TEST_UNKNOWN_INPUT: "test '{test}' gives '{input}', which no input reads",
  TEST_NO_EXPECTATION: "test '{test}' has neither expect nor expectRows",
  TEST_RESULT_DIFFERS: 'expected {expected} but got {got}',
  TEST_ROWS_DIFFER: 'expected rows {expected} but got {got}',
  TEST_NO_ROWS: 'expected rows {expected} but no row matched',
  TEST_DECISION_ERROR: 'the decision failed: {detail}',
  TEST_OVER_BUDGET: 'the evaluation exceeded its budget: {detail}',
  TABLE_TEST_FAILED: "test '{test}' failed: {reasonText}",
  DUPLICATE_PURPOSE: "a second '{purpose}' table; '{existing}' has one already",
  TABLE_MISSING: "expected a '{purpose}' table, but the package has none",
};

/** The words of the codes a finding's parameters hold (value types, purposes, hit policies, budget kinds). */
const ZH_WORDS: Readonly<Record<string, string>> = {
  'type.string': '文本', 'type.number': '数字', 'type.boolean': '是/否', 'type.date': '日期', 'type.any': '任意类型', 'type.null': '空值',
  'purpose.acceptance': '受理条件', 'purpose.materials': '申请材料', 'purpose.fees': '收费', 'purpose.special-procedures': '特别程序', 'purpose.general': '通用',
  'hit.UNIQUE': '“唯一”（U）', 'hit.ANY': '“任一”（A）', 'hit.PRIORITY': '“优先级”（P）', 'hit.FIRST': '“首个”（F）', 'hit.RULE ORDER': '“规则顺序”（R）',
  'hit.OUTPUT ORDER': '“输出顺序”（O）', 'hit.COLLECT': '“收集”（C）',
  'budget.iterations': '循环次数过多', 'budget.list': '列表过长', 'budget.string': '文本过长', 'budget.size': '数值范围过大', 'budget.depth': '嵌套层数过深',
  'budget.length': '长度过大', 'budget.time': '耗时过长', 'budget.pattern': '正则表达式可能反复回溯',
  'retired.deadlines': '事项的办理时限在事项清单（item.json 的 statutoryLimit、promisedLimit 和 extension）中设置，不再用规则表',
  'retired.lights': '红黄绿灯的阈值在事项清单的 lights 和地方设置中设置，不再用规则表',
};

const EN_WORDS: Readonly<Record<string, string>> = {
  'type.string': 'a string', 'type.number': 'a number', 'type.boolean': 'a boolean', 'type.date': 'a date', 'type.any': 'any type', 'type.null': 'null',
  'purpose.acceptance': 'acceptance', 'purpose.materials': 'materials', 'purpose.fees': 'fees', 'purpose.special-procedures': 'special-procedures', 'purpose.general': 'general',
  'hit.UNIQUE': 'UNIQUE', 'hit.ANY': 'ANY', 'hit.PRIORITY': 'PRIORITY', 'hit.FIRST': 'FIRST', 'hit.RULE ORDER': 'RULE ORDER', 'hit.OUTPUT ORDER': 'OUTPUT ORDER', 'hit.COLLECT': 'COLLECT',
  'budget.iterations': 'too many iterations', 'budget.list': 'a list too long', 'budget.string': 'a string too long', 'budget.size': 'a range too large',
  'budget.depth': 'nesting too deep', 'budget.length': 'too long', 'budget.time': 'too slow', 'budget.pattern': 'a pattern that backtracks',
  'retired.deadlines': "an item's limits are set in its listing (item.json statutoryLimit, promisedLimit and extension), not in a rule table",
  'retired.lights': "light thresholds are set in the item listing's lights and in the locality settings, not in a rule table",
};

/** The Chinese (or English) name of each lint rule (`Finding.code`), for the rule column of a findings list. */
const ZH_RULES: Readonly<Record<string, string>> = {
  encoding: '文件编码', syntax: '写法错误', schema: '表格格式', cell: '单元格', 'cell-count': '单元格个数', 'unknown-column': '未知列',
  'duplicate-column': '列名重复', 'duplicate-row': '行编号重复', 'evaluation-budget': '计算预算', 'unquoted-string': '文字未加引号',
  'type-mismatch': '类型不符', 'allowed-values': '取值不允许', 'unique-overlap': '条件重叠', 'any-conflict': '结果冲突', 'never-matches': '永不命中',
  'shadowed-row': '被覆盖的行', 'purpose-convention': '用途约定', 'missing-basis': '缺少法律依据', 'test-unknown-row': '测试用例', 'test-unknown-input': '测试用例',
  'test-no-expectation': '测试用例', 'table-test': '测试未通过', 'duplicate-purpose': '用途重复', 'missing-table': '缺少规则表',
};

function word(language: Language, kind: string, code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return (language === 'en' ? EN_WORDS : ZH_WORDS)[`${kind}.${code}`] ?? code;
}

/** A JSON path of a table document (`/rows/2/when/age`) in words: 第3行“age”列, or undefined for the whole table. */
export function tablePathWords(path: string | undefined, language: Language = 'zh-CN'): string | undefined {
  const segments = (path ?? '').replace(/^\d+:\d+\s+/, '').split('/').filter(Boolean);
  if (!segments.length) return undefined;
  const zh = language !== 'en';
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const next = segments[i + 1];
    const n = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : undefined;
    const counted: Record<string, [string, string]> = { rows: ['第{n}行', 'row #{n}'], inputs: ['第{n}个输入列', 'input #{n}'], outputs: ['第{n}个输出列', 'output #{n}'], tests: ['第{n}个测试用例', 'test case #{n}'] };
    if (counted[s] && n !== undefined) {
      parts.push(counted[s]![zh ? 0 : 1].replace('{n}', String(n)));
      i++;
    } else if ((s === 'when' || s === 'then') && next !== undefined) {
      parts.push(zh ? `“${next}”列` : `column '${next}'`);
      i++;
    } else if (s === 'when' || s === 'then') {
      parts.push(zh ? (s === 'when' ? '的条件' : '的结果') : s === 'when' ? 'conditions' : 'results');
    } else {
      parts.push(zh ? `的“${s}”` : `'${s}'`);
    }
  }
  const text = zh ? parts.join('').replace(/^的/, '') : parts.join(', ');
  return text;
}

/**
 * The text of a rule-table finding by its message code and parameters, in `language`, or undefined for a
 * code without a text here. The words of the codes it names (a value type, a purpose, a hit policy, a
 * budget kind, a JSON path) are added from the parameters.
 */
export function ruleFindingText(code: string | undefined, params: Readonly<Record<string, string>> | undefined, language: Language = 'zh-CN'): string | undefined {
  if (code === undefined || !Object.hasOwn(ZH, code)) return undefined;
  const p = params ?? {};
  const template = (language === 'en' ? EN : ZH)[code as RuleFindingCode];
  const hitPolicies = p.hitPolicies?.split(/,\s*/).map((h) => word(language, 'hit', h)!).join(language === 'en' ? ' or ' : '或');
  const derived: Record<string, string | undefined> = {
    typeWord: word(language, 'type', p.type),
    columnTypeWord: word(language, 'type', p.columnType),
    purposeWord: word(language, 'purpose', p.purpose),
    hitPolicyWord: word(language, 'hit', p.hitPolicy),
    hitPoliciesWord: hitPolicies,
    kindWord: word(language, 'budget', p.kind),
    retiredWord: word(language, 'retired', p.purpose),
    where: tablePathWords(p.path, language),
    fieldText: code === 'TABLE_FIELD_INVALID' ? fillTemplate(ZH_CN_FIELD_MESSAGES[p.keyword ?? ''] ?? '不符合要求', p) : undefined,
    columnLabel: p.columnLabel ?? p.column,
    // Written through a parameter: a bracket in a template opens an optional segment.
    intervalExample: "'[10..20]'",
    // A failed test case of a package: its first difference, worded by its own code (the others in `problems`).
    reasonText: code === 'TABLE_TEST_FAILED' ? (p.reasonCode !== 'TABLE_TEST_FAILED' && ruleFindingText(p.reasonCode, p, language)) || p.problems : undefined,
  };
  return fillTemplate(template, { ...p, ...Object.fromEntries(Object.entries(derived).filter(([, v]) => v !== undefined)) });
}

/** What a finding needs to be worded: its message code and parameters, else its English message. */
export interface RuleFindingLike {
  message: string;
  messageCode?: string;
  params?: Readonly<Record<string, string>>;
}

/** A rule-table finding's text in `language`: from its code when it has one, else its English message. */
export function ruleFindingMessage(finding: RuleFindingLike, language: Language = 'zh-CN'): string {
  return ruleFindingText(finding.messageCode, finding.params, language) ?? finding.message;
}

/** The name of a rule-table lint rule (`Finding.code`) in `language`; the code itself when it has none. */
export function ruleFindingRuleName(code: string, language: Language = 'zh-CN'): string {
  return language === 'en' ? code : ZH_RULES[code] ?? code;
}

/** The findings of a refusal's details, each worded in `language` when its message code has a text here. */
export function wordRuleFindings<T extends RuleFindingLike>(findings: readonly T[], language: Language = 'zh-CN'): T[] {
  return findings.map((f) => (ruleFindingText(f.messageCode, f.params, language) === undefined ? f : { ...f, message: ruleFindingMessage(f, language) }));
}

/**
 * A refusal body in `language` whose findings are rule-table findings with message codes (a refused table,
 * an item package whose tables are at fault): each finding's `message` worded by its code, and the
 * refusal's message naming the first error. Any other refusal gets {@link refusalMessage} alone.
 */
export function ruleRefusalBody(body: RefusalBody, language: Language = 'zh-CN'): RefusalBody {
  const raw = body.details?.findings;
  const findings = Array.isArray(raw) ? (raw as Array<RuleFindingLike & { severity?: string }>) : [];
  if (!findings.some((f) => f && typeof f === 'object' && typeof f.messageCode === 'string')) return { ...body, message: refusalMessage(body, language) };
  const worded = wordRuleFindings(findings, language);
  const first = worded.find((f) => f.severity === 'error' && f.messageCode);
  const message = language === 'en' || !first ? refusalMessage(body, language) : refusalMessage({ ...body, details: { ...body.details, first: first.message } }, language);
  return { ...body, message, details: { ...body.details, findings: worded } };
}
