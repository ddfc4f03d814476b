/**
 * The in-memory shape of a rule table (决策表) after loading: what a YAML/JSON file or an imported DMN
 * decision table becomes. Cells stay S-FEEL text (DMN 1.3 chapter 9, "Simple FEEL") so that the table can be
 * linted, exported back to DMN and compiled once.
 */

/** The value types an input or output column may declare (DMN 1.3 §7.3.2 base types, S-FEEL subset). */
export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'any';

/** Hit policies of DMN 1.3 §8.2.11 (Table 31), in their XML spelling. */
export const HIT_POLICIES = ['UNIQUE', 'ANY', 'PRIORITY', 'FIRST', 'RULE ORDER', 'OUTPUT ORDER', 'COLLECT'] as const;

/** A hit policy, one of {@link HIT_POLICIES}. */
export type HitPolicy = (typeof HIT_POLICIES)[number];

/** Built-in aggregators of a COLLECT table (DMN 1.3 §8.2.11: C+, C#, C<, C>). */
export const AGGREGATIONS = ['SUM', 'COUNT', 'MIN', 'MAX'] as const;

/** An aggregator, one of {@link AGGREGATIONS}. */
export type Aggregation = (typeof AGGREGATIONS)[number];

/**
 * What a table is for. Each purpose is a documented convention (columns and hit policy) with a typed
 * result helper in `rules/purposes/`; `general` is any other decision.
 */
export const PURPOSES = ['acceptance', 'materials', 'fees', 'special-procedures', 'general'] as const;

/**
 * Purposes a table no longer has, with where the concept now lives: an item's limits are its listing's
 * (`statutoryLimit`, `promisedLimit`, `extension`), and the light thresholds are the listing's `lights` and
 * the locality settings, both read by the clocks.
 */
export const RETIRED_PURPOSES: Readonly<Record<string, string>> = {
  deadlines: "an item's limits are set in its listing (item.json statutoryLimit, promisedLimit and extension), not in a rule table",
  lights: "light thresholds are set in the item listing's lights and in the locality settings, not in a rule table",
};

/** A table's purpose, one of {@link PURPOSES}. */
export type Purpose = (typeof PURPOSES)[number];

/** A primitive value an allowed-values list may hold. */
export type Primitive = string | number | boolean;

/** An input column: where the value comes from and what it may be (DMN 1.3 §8.3.2 InputClause). */
export interface InputColumn {
  /** The column's name; unique in the table. */
  name: string;
  /** A human label (Chinese is fine). */
  label?: string;
  /** A fact path (`applicant.kind`) or a FEEL expression over the input; defaults to `name`. */
  expression: string;
  type: ValueType;
  /** The unit of the value in words (间, 本), so the public disclosure says 50间以上, not `>= 50`. */
  unit?: string;
  /** The values the input may take (DMN `inputValues`), in order. */
  allowedValues?: Primitive[];
}

/** An output column (DMN 1.3 §8.3.3 OutputClause). */
export interface OutputColumn {
  name: string;
  label?: string;
  type: ValueType;
  /** The unit of the value in words (元, 工作日), for the public disclosure. */
  unit?: string;
  /** The values an output may take, in DECREASING priority: PRIORITY and OUTPUT ORDER rank by this list. */
  allowedValues?: Primitive[];
  /** A FEEL literal used when no row matches a single-hit table (DMN `defaultOutputEntry`). */
  default?: string;
}

/** One row (DMN "rule"): unary tests per input, literal expressions per output, and its legal basis. */
export interface Row {
  /** Stable id (a condition or material code such as `AC1`); `row-N` when the file gives none. */
  id: string;
  /** S-FEEL unary tests, one per input column, in column order; `-` matches anything. */
  inputEntries: string[];
  /** S-FEEL literal expressions, one per output column, in column order. */
  outputEntries: string[];
  /** The annotation: above all the legal basis (法律依据) of the row. */
  annotation?: string;
  /** The row in words for the public, where its cells are expressions (每增加一本证书加收10元). */
  text?: string;
  /** Where the row was written (1-based line in the source file), for error messages. */
  line?: number;
}

/** A test case embedded in a table file: an input and the decision result expected for it. */
export interface TableTest {
  name: string;
  input: Record<string, unknown>;
  /** The expected `result` (as DMN defines it); omitted when only `expectRows` is checked. */
  expect?: unknown;
  /** The ids of the rows expected to be selected, in order. */
  expectRows?: string[];
}

/** A loaded, schema-valid rule table. */
export interface RuleTable {
  id: string;
  name: string;
  purpose: Purpose;
  description?: string;
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: InputColumn[];
  outputs: OutputColumn[];
  rows: Row[];
  tests: TableTest[];
  /** The file the table came from, for messages. */
  fileName?: string;
}

/** A problem in a table, always naming where it is. */
export interface Finding {
  /** A stable rule code, e.g. `unquoted-string`, `unique-overlap`. */
  code: string;
  severity: 'error' | 'warning';
  message: string;
  table?: string;
  file?: string;
  /** Row id and 0-based index, when the finding is about a row. */
  row?: string;
  rowIndex?: number;
  /** Column name, when the finding is about a cell or column. */
  column?: string;
  /** JSON path (`/rows/3/when/age`) or `line:col` in the source. */
  path?: string;
  /**
   * The stable code of what the message says (`CELL_UNQUOTED_TEXT`, `ROWS_OVERLAP` …): a finer cut than
   * `code`, one per sentence. The pages and the server word the finding from it and `params`, in Chinese
   * (`contracts/messages/rule-findings.ts`); `message` stays the English sentence, for the CLI and logs.
   */
  messageCode?: string;
  /** What the message names (the row and its 1-based number, the column and its label, the cell, a value). */
  params?: Record<string, string>;
}
