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
