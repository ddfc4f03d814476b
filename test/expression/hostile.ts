/**
 * Hostile FEEL expressions for property tests: built from the pieces that loop, grow or recurse (ranges,
 * nested comprehensions, doubling strings and lists, recursion, nested-repetition patterns), with sizes up to
 * far past any budget. Used by the expression layer's property and by the HTTP one.
 */
import fc from 'fast-check';

/** Sizes from small to far past any limit, integers and fractions. */
export const size = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(1e3, 1e5, 1e8, 1e12), fc.double({ min: 0, max: 1e9, noNaN: true }));
/** One hostile expression (without the leading `=`). */
export const hostile: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    size.map((n) => `${n}`),
    fc.constant('"ab"'),
    size.map((n) => `for i in 1..${n} return i`),
    fc.tuple(size, size, tie('expr')).map(([a, b, e]) => `for i in 1..${a}, j in 1..${b} return ${e}`),
    fc.tuple(size, tie('expr')).map(([n, e]) => `count(for i in [1..${n}] return ${e})`),
    fc.tuple(size, tie('expr')).map(([n, e]) => `some x in 1..${n} satisfies ${e} = x`),
    fc.tuple(size, tie('expr')).map(([n, e]) => `(for i in 1..${n} return if i = 1 then ${e} else partial[-1] + partial[-1])[-1]`),
    fc.tuple(size, tie('expr')).map(([n, e]) => `(for i in 1..${n} return if i = 1 then [${e}] else concatenate(partial[-1], partial[-1]))[-1]`),
    size.map((n) => `{f: function(n) if n <= 0 then 0 else f(n - 1) + f(n - 1)}.f(${n})`),
    size.map((n) => `{f: function(n) if n <= 0 then 0 else 1 + f(n - 1)}.f(${n})`),
    tie('expr').map((e) => `string join(for i in 1..300 return string(${e}), "${'-'.repeat(50)}")`),
    tie('expr').map((e) => `replace(replace(string(${e}), "", "abcdefghij"), "", "abcdefghij")`),
    tie('expr').map((e) => `matches(string(${e}), "(a|a?)+$")`),
    tie('expr').map((e) => `{a: ${e}, b: [a, a, a, a], c: [b, b, b, b], d: [c, c, c, c]}.d`),
  ),
})).expr;
