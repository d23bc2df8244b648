/**
 * Inputs that once froze or crashed the engine (issue 9), as generators: small files whose cost grew with the square
 * (or worse) of their size, and one that breaks the tree-sitter runtime. Each names the language it is for (by file
 * name) and what a complete analysis finds in it.
 */
export interface Adversarial {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** What a complete analysis finds: `context:code@handler` per occurrence, in order. */
  readonly expected: readonly string[];
}

export function adversarialInputs(): Adversarial[] {
  return [
    // A chained comparison is one n-ary node: unanchored patterns over it cost ~35 s for 4 KB.
    { name: 'Python chained comparison', file: 'chain.py', text: `status = 429\nif a${' == b'.repeat(800)}:\n    pass\n`, expected: [] },
    { name: 'Python chained less-than', file: 'less.py', text: `status = 429\nr${'<d'.repeat(800)}`, expected: [] },
    {
      name: 'Python chained status comparisons', file: 'statuses.py',
      text: `if r.status${' == 409 != r.status_code'.repeat(400)}:\n    pass\n`, expected: Array(400).fill('mention:409'),
    },
    // One ERROR node with a run of 100,000 bracket tokens: the query cursor was quadratic in its width. (On lines of
    // 40 characters: a text whose lines average over 1,000 characters is minified and not parsed at all.)
    {
      name: '100 KB of unclosed JavaScript brackets', file: 'brackets.js',
      text: `res.status(409);\n${`${'(['.repeat(20)}\n`.repeat(1_250)}${`${'{'.repeat(40)}\n`.repeat(1_250)}`, expected: ['handler:409'],
    },
    // The enclosing function used to be found by walking Node.parent, O(depth) per occurrence.
    {
      name: '10,000 nested if blocks', file: 'nested.js',
      text: `function f(req, res) {\n${'if (a) {\n'.repeat(10_000)}res.status(409);\n${'}\n'.repeat(10_000)}}\n`, expected: ['handler:409@f'],
    },
    // Two unanchored siblings in an argument list: every pair was a match.
    { name: 'a long assert argument list', file: 'args.js', text: `assert.equal(${'r.status, 409, '.repeat(1000)}0);\n`, expected: Array(1000).fill('mention:409') },
    { name: 'a long testify argument list', file: 'args_test.go', text: `func T() { assert.Equal(t, ${'409, w.Code, '.repeat(1000)}0) }\n`, expected: Array(1000).fill('mention:409') },
    { name: 'a long Rust assert macro', file: 'macro.rs', text: `fn t() { assert_eq!(${'res.status(), 409,\n'.repeat(1000)}); }\n`, expected: Array(1000).fill('mention:409') },
    { name: 'a long Rust vec! of statuses', file: 'vec.rs', text: `fn t() { let v = vec![${'StatusCode::CONFLICT,\n'.repeat(1000)}]; }\n`, expected: Array(1000).fill('mention:409') },
  ];
}

/** `f(a<b><b>…)` as TypeScript: tree-sitter's GLR stack overflows the WebAssembly stack and the runtime traps. */
export function runtimeCrashInput(): { file: string; text: string } {
  return { file: 'crash.ts', text: `res.status(409);\nf(a${'<b>'.repeat(3000)})\n` };
}
