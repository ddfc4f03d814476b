/**
 * What the budget refuses at deploy: what the source alone shows will exceed it whatever the case holds. A
 * literal range longer than the budget (`for i in 1..100000000`), comprehensions nested so that the product of
 * their literal ranges exceeds it (`for i in 1..2000, j in 1..2000`), a string or list literal larger than it,
 * an expression longer than it, and a literal pattern that can backtrack catastrophically. What only the case
 * data shows (`for i in 1..n`) is left to the meter at run time.
 */
import { parseExpression, parseUnaryTests } from 'feelin';
import type { SyntaxNode } from '@lezer/common';
import { evaluationLimits, type BudgetKind, type EvaluationLimits } from './budget.js';
import { expressionBody } from './expression.js';
import { unsafePattern } from './patterns.js';

/** A reason the expression will exceed its budget, with the offset in the source (after a leading `=`). */
export interface BudgetProblem {
  kind: BudgetKind;
  message: string;
  position: number;
}

const PATTERN_FUNCTIONS = new Set(['matches', 'replace', 'split']);

/** The value of a numeric literal node (`3`, `-2.5`), or undefined. */
function numberAt(node: SyntaxNode | null, body: string): number | undefined {
  if (node?.name !== 'NumericLiteral') return undefined;
  const n = Number(body.slice(node.from, node.to).replace(/\s+/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** The number of elements of a literal range, Infinity when it never reaches its end; undefined if unknown. */
function literalRangeSize(context: SyntaxNode, body: string): number | undefined {
  let lo: number | undefined;
  let hi: number | undefined;
  const dots = context.getChild('..');
  if (dots) {
    lo = numberAt(context.firstChild, body);
    hi = numberAt(context.lastChild, body);
  } else {
    const interval = context.getChild('SimplePositiveUnaryTest')?.getChild('Interval');
    if (!interval) return undefined;
    const ends = interval.getChildren('NumericLiteral');
    if (ends.length !== 2) return undefined;
    lo = numberAt(ends[0]!, body);
    hi = numberAt(ends[1]!, body);
  }
  if (lo === undefined || hi === undefined) return undefined;
  if (dots && hi === 0) return undefined; // feelin reads `a..0` as `a` alone
  const span = Math.abs(hi - lo);
  return Number.isInteger(span) ? span + 1 : Infinity;
}

/** Walks the tree, multiplying the sizes of nested iteration contexts. */
class Walker {
  readonly problems: BudgetProblem[] = [];

  constructor(private readonly body: string, private readonly limits: EvaluationLimits) {}

  private add(kind: BudgetKind, message: string, position: number): void {
    if (!this.problems.some((p) => p.kind === kind)) this.problems.push({ kind, message, position });
  }

  walk(node: SyntaxNode, outer: number): void {
    const { body, limits } = this;
    if (node.name === 'ForExpression' || node.name === 'QuantifiedExpression') {
      let times = outer;
      for (const inExpr of node.getChild('InExpressions')?.getChildren('InExpression') ?? []) {
        const context = inExpr.getChild('IterationContext');
        if (!context) continue;
        this.walk(context, times);
        const size = literalRangeSize(context, body);
        if (size === Infinity) this.add('iterations', `the range '${body.slice(context.from, context.to)}' never reaches its end in steps of 1`, context.from);
        else if (size !== undefined && size > limits.maxListLength) {
          this.add('list', `the range '${body.slice(context.from, context.to)}' has ${size} elements, more than the ${limits.maxListLength} allowed`, context.from);
          continue; // one finding for one range: its iterations are not counted again
        }
        times *= size ?? 1;
        if (times > limits.maxIterations && Number.isFinite(times)) {
          this.add('iterations', `nested iterations run ${times} times, more than the ${limits.maxIterations} allowed`, context.from);
        }
      }
      const rest = node.getChild('return') ?? node.getChild('satisfies');
      for (let child = rest?.nextSibling ?? null; child; child = child.nextSibling) this.walk(child, times);
      return;
    }
    if (node.name === 'StringLiteral' && node.to - node.from - 2 > limits.maxStringLength) {
      this.add('string', `a string literal of ${node.to - node.from - 2} characters, more than the ${limits.maxStringLength} allowed`, node.from);
    }
    if (node.name === 'List') {
      const elements = countElements(node);
      if (elements > limits.maxListLength) this.add('list', `a list literal of ${elements} elements, more than the ${limits.maxListLength} allowed`, node.from);
    }
    if (node.name === 'FunctionInvocation') this.checkPattern(node);
    for (let child = node.firstChild; child; child = child.nextSibling) this.walk(child, outer);
  }

  /** A literal pattern given to `matches`, `replace` or `split` that could backtrack for ever. */
  private checkPattern(node: SyntaxNode): void {
    const target = node.firstChild;
    const name = target ? this.body.slice(target.from, target.to).replace(/\s+/g, ' ').trim() : '';
    if (!PATTERN_FUNCTIONS.has(name)) return;
    const pattern = node.getChild('PositionalParameters')?.firstChild?.nextSibling;
    if (pattern?.name !== 'StringLiteral') return;
    const text = this.body.slice(pattern.from + 1, pattern.to - 1).replace(/\\\\/g, '\\');
    if (unsafePattern(text)) this.add('pattern', `the pattern "${text}" nests repetitions, which can take exponential time`, pattern.from);
  }
}

/** The elements of a list literal: its children other than the brackets. */
function countElements(list: SyntaxNode): number {
  let n = 0;
  for (let child = list.firstChild; child; child = child.nextSibling) if (child.name !== '[' && child.name !== ']') n++;
  return n;
}

function problemsOf(body: string, tests: boolean, limits: EvaluationLimits): BudgetProblem[] {
  if (body.length > limits.maxExpressionLength) {
    return [{ kind: 'length', message: `${body.length} characters, more than the ${limits.maxExpressionLength} allowed`, position: 0 }];
  }
  const tree = tests ? parseUnaryTests(body, {}, undefined) : parseExpression(body, {}, undefined);
  const walker = new Walker(body, limits);
  walker.walk(tree.topNode, 1);
  return walker.problems;
}

/**
 * What in an expression's source will exceed the budget (the configured limits unless given), or `[]`.
 * Syntax is `checkExpression`'s concern: an expression that does not parse gives no budget problem here.
 */
export function expressionBudgetProblems(source: string, limits: EvaluationLimits = evaluationLimits()): BudgetProblem[] {
  return problemsOf(expressionBody(source), false, limits);
}

/** The same for the unary tests of a decision-table input cell. */
export function unaryTestsBudgetProblems(source: string, limits: EvaluationLimits = evaluationLimits()): BudgetProblem[] {
  const body = source.trim();
  if (body === '' || body === '-') return [];
  return problemsOf(body, true, limits);
}
