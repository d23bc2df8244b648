/**
 * Test code is never flagged: a handler that a test defines (a fake server, an `httptest` handler, a route inside a
 * spec) answers a test, not a client of the service. Its codes are still explained by hover and inlay hints.
 *
 * Test files are recognised by the conventions of each language's test runner, as data: a file name pattern, or a
 * folder that only test runners read. Paths are compared with `/` separators; a folder counts wherever it stands.
 */
export const TEST_PATH_PATTERNS: readonly { readonly languages: string; readonly pattern: RegExp }[] = Object.freeze([
  // Jest, Vitest, Mocha, Jasmine, Node's test runner: app.test.ts, app.spec.js, __tests__/, __mocks__/
  { languages: 'JavaScript, TypeScript', pattern: /\.(?:test|spec)\.[cm]?[jt]sx?$/ },
  { languages: 'JavaScript, TypeScript', pattern: /(?:^|\/)__(?:tests|mocks)__\// },
  // go test: handlers_test.go; testdata/ is never built
  { languages: 'Go', pattern: /_test\.go$/ },
  { languages: 'Go', pattern: /(?:^|\/)testdata\// },
  // pytest, unittest: test_api.py, api_test.py, conftest.py
  { languages: 'Python', pattern: /(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$/ },
  // JUnit (Maven/Gradle layout and names): src/test/, FooTest.java, FooTests.java, FooIT.java
  { languages: 'Java', pattern: /(?:^|\/)src\/test\// },
  { languages: 'Java', pattern: /(?:Tests?|IT)\.java$/ },
  // xUnit, NUnit, MSTest: FooTests.cs, a test project folder Conduit.IntegrationTests/
  { languages: 'C#', pattern: /Tests?\.cs$/ },
  { languages: 'C#', pattern: /(?:^|\/)[^/]*\.(?:[A-Za-z]*Tests?)\// },
  // PHPUnit, Pest: FooTest.php
  { languages: 'PHP', pattern: /Test\.php$/ },
  // RSpec, Minitest: foo_spec.rb, foo_test.rb, spec/support/
  { languages: 'Ruby', pattern: /_(?:spec|test)\.rb$/ },
  { languages: 'Ruby', pattern: /(?:^|\/)spec\/support\// },
]);

/** Whether a path (relative or absolute, either separator) is a test file by its runner's conventions. */
export function isTestPath(path: string | undefined): boolean {
  if (!path) return false;
  const normal = path.replace(/\\/g, '/');
  return TEST_PATH_PATTERNS.some(({ pattern }) => pattern.test(normal));
}
