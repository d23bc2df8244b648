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

/**
 * A log of the formats LTS users really read, one format per stretch of lines as when logs are concatenated or
 * collected: nginx/Apache combined, JSON lines with LTS error bodies, the Huawei Cloud SDKs' access logs and
 * exceptions (Python, Java, Go), HAProxy, a cloud load balancer, HAR entries one per line, logfmt and Terraform
 * errors. Statuses sit beside byte counts, latencies, ports and ids that look like statuses. About `bytes` bytes,
 * written by `write` in blocks so that a 200 MB log is never one string.
 */
export function realFormatLog(bytes: number, write: (chunk: string) => void, seed = 7): void {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const code = () => CODES[int(CODES.length)];
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const lts = () => `LTS.0${[205, 201, 10, 106, 3, 208][int(6)]}`;
  const formats: ((i: number) => string)[] = [
    (i) => `10.0.${i % 256}.${int(255)} - - [30/Nov/2026:10:${String(i % 60).padStart(2, '0')}:00 +0000] "GET /v2/${hex(8)}/groups/${i} HTTP/1.1" ${code()} ${int(9000)} "https://console.example.com/lts" "Mozilla/5.0 (X11; Linux x86_64)" ${int(900) / 1000}`,
    (i) => `{"time":"2026-11-30T10:00:${String(i % 60).padStart(2, '0')}Z","level":"warn","status":${code()},"latency_ms":${int(900)},"bytes":${int(9000)},"request_id":"${hex(32)}","body":{"error_code":"${lts()}","error_msg":"The log stream name has been existed"}}`,
    (i) => `2026-11-30 10:00:${String(i % 60).padStart(2, '0')},${int(999)} ${int(9999)} HuaweiCloud-SDK http_handler.py 28 INFO "GET https://lts.eu-de.myhuaweicloud.com/v2/${hex(32)}/groups" ${code()} ${int(9000)} 0:00:00.${int(999999)} ${hex(32)}`,
    () => `16:53:04.${int(999)} [main] INFO HuaweiCloud-SDK-Access - "POST https://lts.ap-southeast-1.myhuaweicloud.com/v2/${hex(32)}/streams" ${code()} ${int(4000)} ${hex(32)} [${int(900)}]`,
    () => `ClientRequestException - {status_code:${code()},request_id:${hex(32)},error_code:${lts()},error_msg:The log stream name has been existed }`,
    () => `{"status_code":${code()},"request_id":"${hex(32)}","error_code":"${lts()}","error_message":"Invalid role","encoded_authorization_message":""}`,
    (i) => `Nov 30 10:00:00 lb1 haproxy[${int(30000)}]: 10.0.0.${i % 255}:${40000 + int(20000)} [30/Nov/2026:10:00:00.${int(999)}] fe_https~ be_lts/srv${int(9)} 0/0/${int(50)}/${int(900)}/${int(999)} ${code()} ${int(9000)} - - ---- ${int(500)}/${int(500)}/0/0/0 0/0 "GET /v2/groups HTTP/1.1"`,
    (i) => `https 2026-11-30T10:00:00.${int(999999)}Z app/lts-elb/${hex(16)} 10.0.0.${i % 255}:${40000 + int(20000)} 10.0.1.4:443 0.00${int(9)} 0.0${int(99)} 0.000 ${code()} ${code()} ${int(500)} ${int(9000)} "GET https://lts.example.com:443/v2/groups HTTP/1.1" "curl/8.5.0"`,
    (i) => `{"startedDateTime":"2026-11-30T10:00:00.000Z","time":${int(900)},"request":{"method":"GET","url":"https://lts.example.com/v2/groups/${i}","headersSize":${int(900)},"bodySize":0},"response":{"status":${code()},"statusText":"","headersSize":${int(600)},"bodySize":${int(9000)}}}`,
    () => `time=2026-11-30T10:00:00Z level=info msg="request done" method=GET path=/v2/groups status=${code()} duration_ms=${int(900)} size=${int(9000)} retries=${int(3)}`,
    () => `Error: error creating log group: Bad request with: [POST https://lts.eu-de.otc.t-systems.com/v2.0/${hex(32)}/log-groups], error message: {"error_code":"${lts()}","error_msg":"The log group TTL day must be integer and between 1 and ${int(400)}"}`,
  ];
  let size = 0;
  let chunk = '';
  for (let i = 0; size < bytes; i++) {
    // Stretches of 50–500 lines of one format.
    const format = formats[int(formats.length)];
    for (let n = 50 + int(450); n > 0 && size < bytes; n--, i++) {
      const line = `${format(i)}\n`;
      chunk += line;
      size += line.length;
      if (chunk.length > 1 << 20) { write(chunk); chunk = ''; }
    }
  }
  if (chunk) write(chunk);
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

/**
 * The dense web-application tree: every file imports its framework and mentions statuses of other kinds (an order's
 * status, an error code, JSON), numbers that are not HTTP statuses are everywhere (sizes, limits, timeouts, ports),
 * and one file in ten holds request handlers. This is the shape of a real service, where a trigger word alone
 * selects every file. One handler form per language, matched by the ast-grep rules in ast-grep/.
 */
interface DenseForm {
  readonly ext: string;
  readonly dir: string;
  readonly head: (f: number) => string;
  readonly tail?: string;
  readonly send: (code: number, i: number) => string;
  readonly noise: (i: number, n: () => number) => string;
}

const num = (n: () => number, from = 100, span = 500) => from + Math.floor(n() * span);

const DENSE_FORMS: Readonly<Record<string, DenseForm>> = {
  javascript: {
    ext: 'js', dir: 'web/routes',
    head: (f) => `'use strict';\nconst express = require('express');\nconst { logger } = require('../lib/log');\nconst router = express.Router();\nconst PAGE_SIZE_${f} = ${100 + (f % 400)};\n\n`,
    tail: 'module.exports = router;\n',
    send: (code, i) => `router.post('/items/${i}', async (req, res) => {\n  const item = await store.find(req.params.id);\n  if (!item) return res.status(${code}).json({ error: 'item ${i}' });\n  res.json(item);\n});\n\n`,
    noise: (i, n) => `function summarize${i}(orders, width = ${num(n)}) {\n  // a page of 250 rows, see ticket 404\n  const paid = orders.filter((o) => o.status === 'paid' && o.total > ${num(n)});\n  logger.info('summary', { count: paid.length, code: 'SUM_${i}', timeoutMs: ${num(n)} });\n  return JSON.stringify({ rows: paid.slice(0, ${num(n)}), height: width * ${num(n, 1, 9)} });\n}\n\n`,
  },
  typescript: {
    ext: 'ts', dir: 'api/src/services',
    head: (f) => `import { Request, Response, Router } from 'express';\nimport { Order, OrderStatus } from '../models/order';\nimport { config } from '../config';\n\nconst RETRY_MS_${f} = ${100 + (f % 400)};\n\n`,
    send: (code, i) => `export async function handle${i}(req: Request, res: Response): Promise<void> {\n  const order = await findOrder(req.params.id);\n  if (!order) {\n    res.status(${code}).json({ error: 'order ${i}' });\n    return;\n  }\n  res.json(order);\n}\n\n`,
    noise: (i, n) => `export function price${i}(order: Order, limit = ${num(n)}): number {\n  // ${num(n)} cents per unit above ${num(n)} units\n  if (order.status === OrderStatus.Cancelled) return 0;\n  const errorCode = order.items.length > limit ? 'E${num(n)}' : undefined;\n  return order.items.reduce((sum, item) => sum + item.qty * ${num(n)}, errorCode ? ${num(n)} : 0);\n}\n\n`,
  },
  python: {
    ext: 'py', dir: 'app/views',
    head: (f) => `from flask import Blueprint, jsonify, request, abort\nfrom app.models import Order, db\n\nbp = Blueprint("bp${f}", __name__)\nPAGE_SIZE = ${100 + (f % 400)}\n\n\n`,
    send: (code, i) => `@bp.route("/orders/${i}", methods=["POST"])\ndef create_order_${i}():\n    payload = request.get_json()\n    if not payload:\n        abort(${code})\n    return jsonify(id=${i})\n\n\n`,
    noise: (i, n) => `def summarize_${i}(orders, width=${num(n)}):\n    # 250 rows per page, see ticket 404\n    paid = [o for o in orders if o.status == "paid" and o.total > ${num(n)}]\n    error_code = "E${num(n)}" if len(paid) > ${num(n)} else None\n    return {"rows": paid[:${num(n)}], "code": error_code, "height": width * ${num(n, 1, 9)}}\n\n\n`,
  },
  go: {
    ext: 'go', dir: 'internal/service',
    head: (f) => `package service\n\nimport (\n\t"encoding/json"\n\t"errors"\n\t"fmt"\n\t"net/http"\n)\n\nconst pageSize${f} = ${100 + (f % 400)}\n\n`,
    send: (code, i) => `func handler${i}(w http.ResponseWriter, r *http.Request) {\n\tif r.Body == nil {\n\t\tw.WriteHeader(${code})\n\t\treturn\n\t}\n\tjson.NewEncoder(w).Encode(map[string]int{"id": ${i}})\n}\n\n`,
    noise: (i, n) => `func summarize${i}(orders []Order) (int, error) {\n\tlimit := ${num(n)}\n\ttotal := 0\n\tfor _, o := range orders {\n\t\tif o.Status == "paid" && o.Total > limit {\n\t\t\ttotal += o.Total * ${num(n)}\n\t\t}\n\t}\n\tif total > ${num(n)} {\n\t\treturn 0, fmt.Errorf("code %d: %w", ${num(n)}, errors.New("too large"))\n\t}\n\treturn total, nil\n}\n\n`,
  },
  java: {
    ext: 'java', dir: 'src/main/java/com/example/service',
    head: (f) => `package com.example.service;\n\nimport java.util.List;\nimport org.springframework.http.MediaType;\nimport org.springframework.http.ResponseEntity;\nimport org.springframework.stereotype.Service;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\npublic class File${f} {\n  private static final int PAGE_SIZE = ${100 + (f % 400)};\n\n`,
    tail: '}\n',
    send: (code, i) => `  @PostMapping(value = "/orders/${i}", produces = MediaType.APPLICATION_JSON_VALUE)\n  public ResponseEntity<String> create${i}(@RequestBody String body) {\n    if (body.isEmpty()) {\n      return ResponseEntity.status(${code}).body("order ${i}");\n    }\n    return ResponseEntity.ok(body);\n  }\n\n`,
    noise: (i, n) => `  private int summarize${i}(List<Order> orders) {\n    int limit = ${num(n)}; // 250 per page, see ticket 404\n    int total = 0;\n    for (Order o : orders) {\n      if ("paid".equals(o.getStatus()) && o.getTotal() > limit) total += o.getTotal() * ${num(n)};\n    }\n    if (total > ${num(n)}) throw new IllegalStateException("code " + ${num(n)});\n    return total;\n  }\n\n`,
  },
  csharp: {
    ext: 'cs', dir: 'src/Api/Services',
    head: (f) => `using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Mvc;\n\nnamespace Example.Api;\n\n[ApiController]\n[Route("api/[controller]")]\npublic class Orders${f}Controller : ControllerBase\n{\n    private const int PageSize = ${100 + (f % 400)};\n\n`,
    tail: '}\n',
    send: (code, i) => `    [HttpPost("orders/${i}")]\n    public IActionResult Create${i}([FromBody] Order order)\n    {\n        if (order == null)\n        {\n            return StatusCode(${code});\n        }\n        return Ok(order);\n    }\n\n`,
    noise: (i, n) => `    private int Summarize${i}(IEnumerable<Order> orders)\n    {\n        var limit = ${num(n)}; // 250 per page, see ticket 404\n        var total = orders.Where(o => o.Status == "paid" && o.Total > limit).Sum(o => o.Total * ${num(n)});\n        if (total > ${num(n)}) throw new InvalidOperationException($"code {${num(n)}}");\n        return total;\n    }\n\n`,
  },
  php: {
    ext: 'php', dir: 'app/Http/Services',
    head: (f) => `<?php\n\nnamespace App\\Http\\Controllers;\n\nuse Illuminate\\Http\\Request;\nuse Illuminate\\Http\\JsonResponse;\nuse App\\Models\\Order;\n\nclass Orders${f}Controller extends Controller\n{\n    private const PAGE_SIZE = ${100 + (f % 400)};\n\n`,
    tail: '}\n',
    send: (code, i) => `    public function store${i}(Request $request)\n    {\n        if (!$request->has('name')) {\n            abort(${code});\n        }\n        return response()->json(['id' => ${i}]);\n    }\n\n`,
    noise: (i, n) => `    private function summarize${i}(array $orders, int $width = ${num(n)}): array\n    {\n        // 250 rows per page, see ticket 404\n        $paid = array_filter($orders, fn ($o) => $o->status === 'paid' && $o->total > ${num(n)});\n        $code = count($paid) > ${num(n)} ? 'E${num(n)}' : null;\n        return ['rows' => array_slice($paid, 0, ${num(n)}), 'code' => $code, 'height' => $width * ${num(n, 1, 9)}];\n    }\n\n`,
  },
  ruby: {
    ext: 'rb', dir: 'app/services',
    head: (f) => `# frozen_string_literal: true\n\nrequire 'json'\n\nclass Orders${f}Controller < ApplicationController\n  PAGE_SIZE = ${100 + (f % 400)}\n\n`,
    tail: 'end\n',
    send: (code, i) => `  def create_${i}\n    order = Order.find_by(id: params[:id])\n    if order.nil?\n      render json: { error: 'order ${i}' }, status: ${code}\n      return\n    end\n    render json: order\n  end\n\n`,
    noise: (i, n) => `  def summarize_${i}(orders, width = ${num(n)})\n    # 250 rows per page, see ticket 404\n    paid = orders.select { |o| o.status == 'paid' && o.total > ${num(n)} }\n    code = paid.size > ${num(n)} ? "E${num(n)}" : nil\n    { rows: paid.first(${num(n)}), code: code, height: width * ${num(n, 1, 9)} }\n  end\n\n`,
  },
  rust: {
    ext: 'rs', dir: 'src/services',
    head: (f) => `use actix_web::{get, post, web, HttpResponse, Responder};\nuse actix_web::http::StatusCode;\nuse serde::{Deserialize, Serialize};\n\nconst PAGE_SIZE_${f}: usize = ${100 + (f % 400)};\n\n`,
    send: (code, i) => `#[post("/orders/${i}")]\nasync fn create_${i}(body: String) -> impl Responder {\n    if body.is_empty() {\n        return HttpResponse::build(StatusCode::from_u16(${code}).unwrap()).finish();\n    }\n    HttpResponse::Ok().body(body)\n}\n\n`,
    noise: (i, n) => `fn summarize_${i}(orders: &[Order], width: u32) -> Result<u32, String> {\n    // 250 rows per page, see ticket 404\n    let limit = ${num(n)};\n    let total: u32 = orders.iter().filter(|o| o.status == "paid" && o.total > limit).map(|o| o.total * ${num(n)}).sum();\n    if total > ${num(n)} {\n        return Err(format!("code {}", ${num(n)}));\n    }\n    Ok(total + width * ${num(n, 1, 9)})\n}\n\n`,
  },
};

/** The dense web-application tree (see {@link DENSE_FORMS}): about `files` files and `bytes` bytes, nine languages. */
export function denseTree(files: number, bytes: number, seed = 6): { files: Map<string, string>; unlisted: number } {
  const next = random(seed);
  const languages = Object.keys(DENSE_FORMS);
  const out = new Map<string, string>();
  const perFile = bytes / files;
  let unlisted = 0;
  for (let f = 0; f < files; f++) {
    const language = languages[f % languages.length];
    const form = DENSE_FORMS[language];
    const withHandlers = next() < 0.1;
    const parts: string[] = [form.head(f)];
    let size = parts[0].length;
    for (let i = 0; size < perFile; i++) {
      let chunk: string;
      if (withHandlers && (i === 0 || next() < 0.3)) {
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
    if (form.tail) parts.push(form.tail);
    out.set(`${language}/${form.dir}/m${f % 25}/file${f}.${form.ext}`, parts.join(''));
  }
  return { files: out, unlisted };
}
