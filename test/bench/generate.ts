/** Deterministic inputs for the benchmark: a seeded generator, no downloads. */

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = [200, 201, 204, 400, 404, 409, 422, 429, 500, 502, 503];

/** A single-line "minified" JavaScript bundle of about `bytes` bytes with Express-style handlers sprinkled in. */
export function minifiedJs(bytes: number, seed = 1): string {
  const next = random(seed);
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const code = CODES[Math.floor(next() * CODES.length)];
    const chunk = next() < 0.05
      ? `function h${i}(q,s){if(q.a)return s.status(${code}).json({e:${i}});s.send(${i})}`
      : `var v${i}=function(a,b){return a*${Math.floor(next() * 1000)}+b.width||${i}};`;
    parts.push(chunk);
    size += chunk.length;
    i++;
  }
  return parts.join('');
}

/** A Python module of `lines` lines: mostly plain code, a Flask handler every ~50 lines. */
export function pythonModule(lines: number, seed = 2): string {
  const next = random(seed);
  const out: string[] = ['from flask import Flask, jsonify, abort', 'app = Flask(__name__)', ''];
  let i = 0;
  while (out.length < lines) {
    const code = CODES[Math.floor(next() * CODES.length)];
    if (next() < 0.1) {
      out.push(`@app.route("/r${i}")`, `def handler_${i}():`, `    if not ready(${i}):`, `        abort(${code})`,
        `    return jsonify(id=${i}), ${code}`, '');
    } else {
      out.push(`def helper_${i}(x, width=${Math.floor(next() * 900) + 100}):`, `    total = x * ${i % 97} + width`,
        '    # a comment with 404 in it', `    return total`, '');
    }
    i++;
  }
  return out.slice(0, lines).join('\n');
}

/** Access-log lines (combined format, with JSON lines mixed in) adding up to about `bytes` bytes. */
export function accessLog(bytes: number, seed = 3): string[] {
  const next = random(seed);
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const code = CODES[Math.floor(next() * CODES.length)];
    const line = next() < 0.8
      ? `10.0.${i % 256}.${Math.floor(next() * 255)} - - [30/Nov/2026:10:00:00 +0000] "GET /v2/p/groups/${i} HTTP/1.1" ${code} ${Math.floor(next() * 9000)} "-" "sdk/3.0"`
      : `{"time":"2026-11-30T10:00:00Z","status":${code},"latency_ms":${Math.floor(next() * 900)},"bytes":${Math.floor(next() * 9000)}}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines;
}

/** The handler forms of the repository benchmark, one per language; ast-grep rules in ast-grep/ match the same. */
const HANDLER_FORMS: Readonly<Record<string, { ext: string; send: (code: number, i: number) => string; noise: (i: number, n: () => number) => string }>> = {
  javascript: {
    ext: 'js',
    send: (code, i) => `app.post('/r${i}', (req, res) => {\n  if (!req.body) return res.status(${code}).json({ error: 'e${i}' });\n  res.json({ ok: true });\n});\n`,
    noise: (i, n) => `function compute${i}(items, width = ${100 + Math.floor(n() * 400)}) {\n  // retry after 500 ms, see issue 404\n  const limit = items.length * ${Math.floor(n() * 900)};\n  return items.filter((x) => x.size < limit).map((x) => ({ id: x.id, height: ${200 + (i % 300)} }));\n}\n`,
  },
  typescript: {
    ext: 'ts',
    send: (code, i) => `export async function handle${i}(req: Request, res: Response): Promise<void> {\n  res.status(${code}).end();\n}\n`,
    noise: (i, n) => `export interface Shape${i} { width: number; height: number }\nexport const defaults${i}: Shape${i} = { width: ${100 + Math.floor(n() * 400)}, height: ${300 + (i % 200)} };\nexport function area${i}(s: Shape${i}): number { return s.width * s.height + ${Math.floor(n() * 500)}; }\n`,
  },
  python: {
    ext: 'py',
    send: (code, i) => `@app.route("/r${i}")\ndef handler_${i}():\n    if not ready():\n        abort(${code})\n    return jsonify(ok=True)\n\n`,
    noise: (i, n) => `def helper_${i}(values, width=${100 + Math.floor(n() * 400)}):\n    # the 404 page is rendered elsewhere\n    total = sum(v * ${Math.floor(n() * 900)} for v in values)\n    return total // ${100 + (i % 400)}\n\n`,
  },
  go: {
    ext: 'go',
    send: (code, i) => `func handler${i}(w http.ResponseWriter, r *http.Request) {\n\tif r.Body == nil {\n\t\tw.WriteHeader(${code})\n\t\treturn\n\t}\n}\n\n`,
    noise: (i, n) => `func compute${i}(items []int) int {\n\tlimit := ${100 + Math.floor(n() * 400)}\n\ttotal := 0\n\tfor _, x := range items {\n\t\tif x < limit {\n\t\t\ttotal += x * ${Math.floor(n() * 900)}\n\t\t}\n\t}\n\treturn total\n}\n\n`,
  },
  java: {
    ext: 'java',
    send: (code, i) => `  @PostMapping("/r${i}")\n  public ResponseEntity<String> handle${i}(@RequestBody String body) {\n    return ResponseEntity.status(${code}).body("e${i}");\n  }\n\n`,
    noise: (i, n) => `  private int compute${i}(int[] items) {\n    int limit = ${100 + Math.floor(n() * 400)};\n    int total = 0;\n    for (int x : items) { if (x < limit) total += x * ${Math.floor(n() * 900)}; }\n    return total;\n  }\n\n`,
  },
};

const LISTED = [200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 503];
const UNLISTED = [202, 302, 409, 410, 418, 422, 502, 504];

/**
 * A multi-language source tree of about `files` files and `bytes` bytes in all: most files without any status
 * code (but with plenty of other numbers), the rest with a realistic density of handlers, some of them sending a code
 * the LTS table does not list. Returns the files and how many unlisted sends were written.
 */
export function sourceTree(files: number, bytes: number, seed = 4): { files: Map<string, string>; unlisted: number } {
  const next = random(seed);
  const languages = Object.keys(HANDLER_FORMS);
  const out = new Map<string, string>();
  const perFile = bytes / files;
  let unlisted = 0;
  for (let f = 0; f < files; f++) {
    const language = languages[f % languages.length];
    const form = HANDLER_FORMS[language];
    const withHandlers = next() < 0.2;
    const parts: string[] = [language === 'java' ? `public class File${f} {\n` : language === 'go' ? 'package main\n\n' : ''];
    let size = 0;
    for (let i = 0; size < perFile; i++) {
      let chunk: string;
      if (withHandlers && next() < 0.08) {
        const bad = next() < 0.3;
        const code = bad ? UNLISTED[Math.floor(next() * UNLISTED.length)] : LISTED[Math.floor(next() * LISTED.length)];
        if (bad) unlisted++;
        chunk = form.send(code, i);
      } else {
        chunk = form.noise(i, next);
      }
      parts.push(chunk);
      size += chunk.length;
    }
    if (language === 'java') parts.push('}\n');
    out.set(`${language}/pkg${f % 20}/file${f}.${form.ext}`, parts.join(''));
  }
  return { files: out, unlisted };
}

/** One source file of about `lines` lines in `language` (a key of the benchmark's handler forms), a handler every ~10 blocks. */
export function sourceFile(language: string, lines: number, seed = 5): string {
  const next = random(seed);
  const form = HANDLER_FORMS[language];
  const parts: string[] = [language === 'java' ? 'public class Handlers {\n' : language === 'go' ? 'package main\n\n' : ''];
  let count = 1;
  for (let i = 0; count < lines; i++) {
    const code = next() < 0.3 ? UNLISTED[Math.floor(next() * UNLISTED.length)] : LISTED[Math.floor(next() * LISTED.length)];
    const chunk = next() < 0.1 ? form.send(code, i) : form.noise(i, next);
    parts.push(chunk);
    count += chunk.split('\n').length - 1;
  }
  if (language === 'java') parts.push('}\n');
  return parts.join('');
}
