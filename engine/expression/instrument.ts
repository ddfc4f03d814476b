/**
 * Rewrites an expression so that every place where FEEL can loop, grow or recurse passes through a meter
 * (`meter.ts`) before feelin does the work. feelin is a tree-walking interpreter with no hook of its own, so
 * the hooks are written into the source, at the positions of the parsed tree:
 *
 * - an iteration context (`for`/`some`/`every` … `in X`) becomes `__shenpi_list(X)`, and `A..B` becomes
 *   `__shenpi_range(A, B)`: the meter counts the elements and builds a range itself, refusing it before a
 *   single element is made when it is longer than the budget (feelin would materialise `1..100000000`);
 * - the value each `for` iteration returns, each context entry and each function result is measured
 *   (`__shenpi_item`), which bounds strings and lists that grow by doubling;
 * - a function body counts a call and its depth (`__shenpi_enter`, `__shenpi_leave`), which bounds recursion;
 * - a filter that tests each element (`L[item > 1]`) counts the elements (`__shenpi_filter`).
 *
 * The rewritten text is only ever evaluated, never shown: messages quote the source the author wrote.
 */
import type { Tree, TreeCursor } from '@lezer/common';

/** The names the meter is bound to; an expression may not use them itself (see `reservedNameProblem`). */
export const METER_PREFIX = '__shenpi';
const LIST = `${METER_PREFIX}_list(`;
const RANGE = `${METER_PREFIX}_range(`;
const ITEM = `${METER_PREFIX}_item(`;
const FILTER = `${METER_PREFIX}_filter(`;
const ENTER = `${METER_PREFIX}_leave(${METER_PREFIX}_enter(), (`;

/** Filters whose test is an index (`L[1]`, `L[i]`, `L[count(L)]`): feelin reads one element, no loop. */
const INDEX_FILTERS = new Set(['NumericLiteral', 'VariableName', 'ArithmeticExpression', 'FunctionInvocation', 'PathExpression']);

interface Edit {
  pos: number;
  /** Characters of the source replaced (0 for a plain insert). */
  cut: number;
  text: string;
  /** At one position: closings (inner first), then replacements, then openings (outer first). */
  order: number;
}

const CLOSING = -1e6;

/** Collects the edits for the node under `cursor` and its subtree. */
function visit(cursor: TreeCursor, edits: Edit[], depth: number): void {
  const node = cursor.node;
  const wrap = (from: number, to: number, open: string, close: string): void => {
    edits.push({ pos: from, cut: 0, text: open, order: depth });
    edits.push({ pos: to, cut: 0, text: close, order: CLOSING - depth });
  };
  switch (node.name) {
    case 'IterationContext': {
      const dots = node.getChild('..');
      if (dots) {
        // `A..B` → `__shenpi_range(A, (B))`
        wrap(node.from, node.to, RANGE, '))');
        edits.push({ pos: dots.from, cut: dots.to - dots.from, text: ', (', order: -1 });
      } else wrap(node.from, node.to, LIST, ')');
      break;
    }
    case 'ForExpression': {
      const body = node.lastChild;
      if (body) wrap(body.from, body.to, ITEM, ')');
      break;
    }
    case 'ContextEntry': {
      const value = node.lastChild;
      if (value && value.name !== 'Key') wrap(value.from, value.to, ITEM, ')');
      break;
    }
    case 'FunctionBody':
      wrap(node.from, node.to, ENTER, '))');
      break;
    case 'FilterExpression': {
      const target = node.firstChild;
      let test = node.getChild('[')?.nextSibling ?? null;
      while (test?.name === 'ParenthesizedExpression') test = test.getChild('(')?.nextSibling ?? null;
      if (target && test && !INDEX_FILTERS.has(test.name)) wrap(target.from, target.to, FILTER, ')');
      break;
    }
  }
  if (cursor.firstChild()) {
    do visit(cursor, edits, depth + 1);
    while (cursor.nextSibling());
    cursor.parent();
  }
}

/** The metered text of `body`, parsed as `tree` (an expression or unary tests). */
export function instrument(body: string, tree: Tree): string {
  const edits: Edit[] = [];
  visit(tree.cursor(), edits, 0);
  edits.sort((a, b) => a.pos - b.pos || a.order - b.order);
  let out = '';
  let pos = 0;
  for (const edit of edits) {
    if (edit.pos > pos) {
      out += body.slice(pos, edit.pos);
      pos = edit.pos;
    }
    out += edit.text;
    pos += edit.cut;
  }
  return out + body.slice(pos);
}
