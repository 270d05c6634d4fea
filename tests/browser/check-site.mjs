#!/usr/bin/env node
// Checks a built static site folder:
//   - accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every page, in headless Chromium;
//   - privacy and robustness: every request to a host other than 127.0.0.1/localhost,
//     every console error and uncaught page error, every Content-Security-Policy violation
//     (the pages' policy is enforced);
//   - JavaScript disabled: every page loads without console errors and has an <h1>;
//   - links: every internal href/src/srcset/url(...) reference and #fragment resolves
//     (read from the files, without the browser; external links are only counted);
//   - HTML (and CSS) validity: the Nu Html Checker (vnu.jar, needs Java);
//   - narrow screens: at 320 and 375 px wide (every <details> open) no page scrolls
//     sideways and no part of it overflows its own box;
//   - pa11y (HTML_CodeSniffer, WCAG 2 AA) on a sample of pages: one of each kind, and the
//     largest objective page (or every page with --pa11y all);
//   - optional full-page screenshots at 1280 and 375 px wide.
//
// Usage: node check-site.mjs <site-dir> [--screenshots <out-dir>] [--pages a.html,b.html]
//                                       [--json <report.json>] [--pa11y sample|all|none]
// Exit status: 0 when every check passes, 1 when any fails, 2 when the checks could not run.
// Environment: CHROMIUM (default /usr/bin/chromium), JAVA (default: java on PATH),
//              CHECK_SITE_WORKERS (default 2) pages checked at once.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCREENSHOT_WIDTHS = [1280, 375];
// Phones: the smallest common width and the most common one.
const NARROW_WIDTHS = [320, 375];
const SCREENSHOT_HEIGHT = 900;
const NAV_TIMEOUT_MS = 30_000;
const AXE_TIMEOUT_MS = 120_000;
const SETTLE_MS = 50;
const WORKERS = Math.max(1, Number.parseInt(process.env.CHECK_SITE_WORKERS || '2', 10) || 2);
// Total length of the file arguments given to one java process.
const VNU_BATCH_CHARS = 60_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
};

// ---------------------------------------------------------------------------
// Command line

function usage(message) {
  if (message) console.error(`check-site: ${message}`);
  console.error(
    'usage: node check-site.mjs <site-dir> [--screenshots <out-dir>] [--pages a.html,b.html] [--json <report.json>] [--pa11y sample|all|none]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { site: null, screenshots: null, pages: ['index.html'], json: null, pa11y: 'sample' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--screenshots') opts.screenshots = path.resolve(value());
    else if (a === '--pages') opts.pages = value().split(',').map((p) => p.trim()).filter(Boolean);
    else if (a === '--json') opts.json = path.resolve(value());
    else if (a === '--pa11y') {
      opts.pa11y = value();
      if (!['sample', 'all', 'none'].includes(opts.pa11y)) usage('--pa11y takes sample, all or none');
    }
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.site === null) opts.site = path.resolve(a);
    else usage(`unexpected argument ${a}`);
  }
  if (opts.site === null) usage('missing <site-dir>');
  if (!fs.existsSync(opts.site) || !fs.statSync(opts.site).isDirectory()) {
    usage(`${opts.site} is not a folder`);
  }
  opts.pages = opts.pages.map((p) => p.replace(/^\/+/, ''));
  return opts;
}

// ---------------------------------------------------------------------------
// Files

/** Every file under root, as site-relative paths with forward slashes, sorted. */
function listFiles(root) {
  const out = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(abs, r);
      else if (entry.isFile()) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}

const isHtml = (rel) => /\.html?$/i.test(rel);

// ---------------------------------------------------------------------------
// Static server

function startServer(root) {
  const notFoundPage = path.join(root, '404.html');
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).on('error', () => res.end()).pipe(res);
    };
    const notFound = () => {
      if (fs.existsSync(notFoundPage)) return send(404, notFoundPage);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('404 not found\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    if (pathname.includes('\0')) return notFound();
    const file = path.join(root, path.posix.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return notFound();
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const u = new URL(req.url, 'http://127.0.0.1');
        res.writeHead(301, { Location: `${u.pathname}/${u.search}` });
        return res.end();
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(200, index) : notFound();
    }
    return send(200, file);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------------------
// A small HTML tokenizer: enough to read start tags, attributes and the text of
// <style> and <script>, with line numbers. Comments and doctypes are skipped.

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

function lineIndex(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s) {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      try {
        return String.fromCodePoint(code);
      } catch {
        return m;
      }
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Yields { tag, attrs: Map, offset } for start tags and { text, offset, parent } for raw text. */
function* tokenize(html) {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const c = html[lt + 1];
    if (c === '!' || c === '?' || c === '/') {
      if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt);
        i = end < 0 ? n : end + 3;
        continue;
      }
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const nameMatch = /^[A-Za-z][^\s/>]*/.exec(html.slice(lt + 1, lt + 64));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    let j = lt + 1 + nameMatch[0].length;
    const attrs = new Map();
    for (;;) {
      while (j < n && /[\s/]/.test(html[j])) j++;
      if (j >= n || html[j] === '>') break;
      const start = j;
      while (j < n && !/[\s/>=]/.test(html[j])) j++;
      const name = html.slice(start, j).toLowerCase();
      while (j < n && /\s/.test(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j])) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const vs = j;
          while (j < n && !/[\s>]/.test(html[j])) j++;
          value = html.slice(vs, j);
        }
      }
      if (name && !attrs.has(name)) attrs.set(name, decodeEntities(value));
      if (j === start) j++; // never loop without progress
    }
    i = j + 1;
    yield { tag, attrs, offset: lt };
    if (RAW_TEXT.has(tag) && html[j - 1] !== '/') {
      const close = new RegExp(`</${tag}[\\s>/]`, 'ig');
      close.lastIndex = i;
      const m = close.exec(html);
      const end = m ? m.index : n;
      yield { text: html.slice(i, end), offset: i, parent: tag };
      i = end;
    }
  }
}

/** url(...) and @import references in CSS text, with offsets into it. */
function cssReferences(css) {
  // Blank out comments, keeping offsets and newlines.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  const refs = [];
  const urlRe = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi;
  for (let m; (m = urlRe.exec(text)); ) refs.push({ ref: m[1] ?? m[2] ?? m[3] ?? '', offset: m.index });
  const importRe = /@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (let m; (m = importRe.exec(text)); ) refs.push({ ref: m[1] ?? m[2], offset: m.index });
  return refs;
}

/** The URLs of a srcset attribute (HTML's algorithm, without the descriptors). */
function srcsetUrls(value) {
  const urls = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++;
    const start = i;
    while (i < value.length && !/\s/.test(value[i])) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (i < value.length && !(value[i] === ',' && depth === 0)) {
        if (value[i] === '(') depth++;
        if (value[i] === ')') depth--;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

const URL_ATTRS = ['href', 'src', 'xlink:href', 'poster', 'cite', 'action', 'formaction', 'manifest'];

/** Parses one HTML or SVG file: its ids and its references. */
function parseMarkup(text) {
  const ids = new Set();
  const refs = [];
  const lineOf = lineIndex(text);
  let base = null;
  const addCss = (css, offset) => {
    for (const r of cssReferences(css)) refs.push({ ref: r.ref, line: lineOf(offset + r.offset), css: true });
  };
  for (const tok of tokenize(text)) {
    if (tok.text !== undefined) {
      if (tok.parent === 'style') addCss(tok.text, tok.offset);
      continue;
    }
    const { tag, attrs, offset } = tok;
    const line = lineOf(offset);
    if (attrs.has('id')) ids.add(attrs.get('id'));
    if (tag === 'a' && attrs.has('name')) ids.add(attrs.get('name'));
    if (tag === 'base' && attrs.has('href')) {
      if (base === null) base = attrs.get('href').trim();
      continue;
    }
    for (const name of URL_ATTRS) {
      if (attrs.has(name)) refs.push({ ref: attrs.get(name), line, attr: name, tag });
    }
    if (tag === 'object' && attrs.has('data')) refs.push({ ref: attrs.get('data'), line, attr: 'data', tag });
    for (const name of ['srcset', 'imagesrcset']) {
      if (attrs.has(name)) for (const u of srcsetUrls(attrs.get(name))) refs.push({ ref: u, line, attr: name, tag });
    }
    if (tag === 'meta' && (attrs.get('http-equiv') || '').toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'"\s]+)/i.exec(attrs.get('content') || '');
      if (m) refs.push({ ref: m[1], line, attr: 'content', tag });
    }
    for (const [name, value] of attrs) {
      // style="...url(...)" and SVG presentation attributes such as fill="url(#gradient)".
      if (value.includes('url(') && !URL_ATTRS.includes(name)) addCss(value, offset);
    }
  }
  return { ids, refs, base };
}

// ---------------------------------------------------------------------------
// Link check

function splitRef(raw) {
  const ref = raw.trim();
  const hash = ref.indexOf('#');
  const fragment = hash < 0 ? null : ref.slice(hash + 1);
  let rest = hash < 0 ? ref : ref.slice(0, hash);
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  return { pathPart: rest, fragment };
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function checkLinks(siteRoot, files) {
  const broken = [];
  const external = new Set();
  let externalRefs = 0;
  let internalRefs = 0;
  const rootAbsolute = [];
  const fileSet = new Set(files);
  const parsed = new Map();
  const parse = (rel) => {
    if (!parsed.has(rel)) {
      parsed.set(rel, parseMarkup(fs.readFileSync(path.join(siteRoot, rel), 'utf8')));
    }
    return parsed.get(rel);
  };
  const exists = (rel) => fileSet.has(rel);

  // Resolves a site-relative target for a path; returns { target } or { problem }.
  const resolveTarget = (fromRel, pathPart, baseDir) => {
    if (pathPart === '') return { target: fromRel };
    const decoded = safeDecode(pathPart);
    if (decoded === null) return { problem: 'malformed percent-encoding' };
    let joined;
    if (decoded.startsWith('/')) joined = path.posix.normalize(decoded.slice(1) || '.');
    else joined = path.posix.normalize(path.posix.join(baseDir, decoded));
    if (joined === '..' || joined.startsWith('../')) return { problem: 'points outside the site' };
    const trailingSlash = decoded.endsWith('/');
    const trimmed = joined.replace(/\/+$/, '');
    const clean = trimmed === '.' || trimmed === '' ? '' : trimmed;
    if (!trailingSlash && clean !== '' && exists(clean)) return { target: clean };
    const index = clean === '' ? 'index.html' : `${clean}/index.html`;
    if (exists(index)) return { target: index };
    if (trailingSlash || clean === '' || files.some((f) => f.startsWith(`${clean}/`))) {
      return { problem: `folder without index.html (${clean || '/'})` };
    }
    return { problem: 'no such file' };
  };

  const scanned = files.filter((f) => /\.(html?|css|svg)$/i.test(f));
  for (const rel of scanned) {
    let refs;
    let base = null;
    const isCss = /\.css$/i.test(rel);
    if (isCss) {
      const css = fs.readFileSync(path.join(siteRoot, rel), 'utf8');
      const lineOf = lineIndex(css);
      refs = cssReferences(css).map((r) => ({ ref: r.ref, line: lineOf(r.offset), css: true }));
    } else {
      ({ refs, base } = parse(rel));
    }
    let baseDir = path.posix.dirname(rel);
    let baseExternal = false;
    if (base) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(base)) baseExternal = true;
      else {
        const { pathPart } = splitRef(base);
        const r = safeDecode(pathPart) ?? '';
        const joined = r.startsWith('/')
          ? path.posix.normalize(r.slice(1) || '.')
          : path.posix.normalize(path.posix.join(baseDir, r));
        baseDir = r.endsWith('/') ? joined : path.posix.dirname(joined);
      }
    }
    for (const { ref, line, css } of refs) {
      const raw = ref.trim();
      if (raw === '' || raw === '#') continue;
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw);
      if (scheme || raw.startsWith('//')) {
        const s = scheme ? scheme[1].toLowerCase() : 'https';
        if (s === 'http' || s === 'https') {
          externalRefs++;
          external.add(raw);
        }
        continue; // mailto:, tel:, data:, javascript:, ... are not checked
      }
      if (baseExternal) {
        externalRefs++;
        external.add(raw);
        continue;
      }
      const { pathPart, fragment } = splitRef(raw);
      // In a stylesheet file, url(#id) refers to the document using it.
      if (isCss && pathPart === '') continue;
      internalRefs++;
      if (pathPart.startsWith('/')) rootAbsolute.push({ file: rel, line, ref: raw });
      const where = { file: rel, line, ref: raw };
      const res = resolveTarget(rel, pathPart, pathPart === '' ? path.posix.dirname(rel) : baseDir);
      if (res.problem) {
        broken.push({ ...where, problem: res.problem });
        continue;
      }
      if (fragment === null || fragment === '' || fragment.startsWith(':~:')) continue;
      if (!/\.(html?|svg)$/i.test(res.target)) continue;
      const ids = parse(res.target).ids;
      const decoded = safeDecode(fragment);
      if (ids.has(fragment) || (decoded !== null && ids.has(decoded))) continue;
      if (!css && fragment.toLowerCase() === 'top' && isHtml(res.target)) continue; // HTML scrolls to the top
      broken.push({
        ...where,
        problem:
          res.target === rel
            ? `no element with id="${decoded ?? fragment}" in this page`
            : `no element with id="${decoded ?? fragment}" in ${res.target}`,
      });
    }
  }
  return { broken, externalRefs, externalUnique: external.size, internalRefs, rootAbsolute, scanned: scanned.length };
}

// ---------------------------------------------------------------------------
// Nu Html Checker

function vnuJarPath() {
  // The package's main export is the jar's path (a String object).
  return String(require('vnu-jar'));
}

function runJava(args) {
  const java = process.env.JAVA || 'java';
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let child;
    try {
      child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      resolve({ code: null, stdout, stderr, error: err });
      return;
    }
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => resolve({ code: null, stdout, stderr, error: err }));
    child.on('close', (code) => resolve({ code, stdout, stderr, error: null }));
  });
}

function parseVnuJson(text) {
  const start = text.search(/\{\s*"(?:version|messages)"/);
  if (start < 0) return null;
  // The JSON object is the rest of the output (JVM warnings, if any, come before it).
  const body = text.slice(start);
  try {
    return JSON.parse(body);
  } catch {
    const end = body.lastIndexOf('}');
    try {
      return JSON.parse(body.slice(0, end + 1));
    } catch {
      return null;
    }
  }
}

async function runVnu(siteRoot, files) {
  const targets = files.filter((f) => isHtml(f) || /\.css$/i.test(f));
  const result = { errors: [], failures: [], files: targets.length };
  if (targets.length === 0) return result;
  const jar = vnuJarPath();
  const batches = [];
  let batch = [];
  let size = 0;
  for (const rel of targets) {
    const abs = path.join(siteRoot, rel);
    if (batch.length > 0 && size + abs.length + 1 > VNU_BATCH_CHARS) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(abs);
    size += abs.length + 1;
  }
  if (batch.length) batches.push(batch);
  const rootUrlPrefix = `file:${siteRoot}${path.sep}`;
  for (const b of batches) {
    const r = await runJava(['-jar', jar, '--errors-only', '--also-check-css', '--format', 'json', ...b]);
    if (r.error) {
      result.failures.push(
        r.error.code === 'ENOENT'
          ? 'java was not found: install a Java runtime (11 or later; Debian: openjdk-17-jre-headless)'
          : `could not run java: ${r.error.message}`,
      );
      return result;
    }
    const json = parseVnuJson(r.stderr) ?? parseVnuJson(r.stdout);
    if (!json) {
      result.failures.push(`vnu.jar exited ${r.code} without a JSON report:\n${(r.stderr + r.stdout).slice(0, 2000)}`);
      continue;
    }
    for (const m of json.messages) {
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      let file = m.url || '';
      try {
        if (file.startsWith('file:')) file = fileURLToPath(file);
      } catch {
        /* keep the URL */
      }
      if (file.startsWith(siteRoot + path.sep)) file = file.slice(siteRoot.length + 1);
      else if (file.startsWith(rootUrlPrefix)) file = file.slice(rootUrlPrefix.length);
      result.errors.push({
        file,
        line: m.lastLine ?? m.firstLine ?? null,
        column: m.firstColumn ?? m.lastColumn ?? null,
        message: m.message,
        extract: m.extract ?? null,
        type: m.type,
      });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Browser checks

function isLocalUrl(u) {
  let url;
  try {
    url = new URL(u);
  } catch {
    return true;
  }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol)) return true; // data:, blob:, about:, ...
  const h = url.hostname;
  return h === '127.0.0.1' || h === 'localhost' || h === '[::1]' || h === '::1';
}

async function browserChecks(siteRoot, htmlFiles, opts, baseUrl) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed (run npm ci in ${HERE}): ${err.message}`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (Debian: apt-get install chromium; or set CHROMIUM)`);
  }
  const axePath = require.resolve('axe-core/axe.min.js');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const records = new Map(); // page path -> record
  const thirdParty = [];
  const screenshots = [];
  const missingScreenshotPages = [];
  const recordFor = new WeakMap(); // playwright Page -> current record

  const pageUrl = (rel) => `${baseUrl}/${rel.split('/').map(encodeURIComponent).join('/')}`;

  const newContext = async (options) => {
    // The pages' Content-Security-Policy is enforced: a violation is a console error, and the
    // listener below reports it with the directive and what was blocked (axe-core is injected
    // as an init script, which the policy does not cover).
    const context = await browser.newContext({ bypassCSP: false, serviceWorkers: 'block', ...options });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
      });
    });
    // Block and record every request to another host.
    await context.route(
      (url) => !isLocalUrl(url.href),
      (route) => {
        let rec = null;
        try {
          rec = recordFor.get(route.request().frame().page()) ?? null;
        } catch {
          /* a request without a frame */
        }
        if (!rec || rec.mode !== 'screenshot') {
          thirdParty.push({ page: rec ? rec.page : '?', mode: rec ? rec.mode : '?', url: route.request().url() });
        }
        return route.abort('blockedbyclient');
      },
    );
    return context;
  };

  const watch = (page) => {
    page.on('console', (msg) => {
      const rec = recordFor.get(page);
      if (!rec) return;
      const type = msg.type();
      if (type !== 'error' && type !== 'warning') return;
      const loc = msg.location();
      // A blocked third-party request shows up as a console error: it is reported once, as a request.
      if (type === 'error' && /ERR_BLOCKED_BY_CLIENT/.test(msg.text()) && loc.url && !isLocalUrl(loc.url)) return;
      const where = loc.url ? ` (${loc.url.replace(baseUrl, '')}${loc.lineNumber ? `:${loc.lineNumber + 1}` : ''})` : '';
      (type === 'error' ? rec.consoleErrors : rec.consoleWarnings).push(`${msg.text()}${where}`);
    });
    page.on('pageerror', (err) => {
      const rec = recordFor.get(page);
      if (rec) rec.pageErrors.push(String(err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err));
    });
    page.on('websocket', (ws) => {
      const rec = recordFor.get(page);
      if (!isLocalUrl(ws.url()) && (!rec || rec.mode !== 'screenshot')) thirdParty.push({ page: rec ? rec.page : '?', mode: rec ? rec.mode : '?', url: ws.url() });
    });
  };

  const pool = async (items, n, makePage, work) => {
    const queue = items.slice();
    const runners = [];
    for (let w = 0; w < Math.min(n, queue.length); w++) {
      runners.push(
        (async () => {
          let page = await makePage();
          while (queue.length) {
            const item = queue.shift();
            try {
              await work(page, item);
            } catch (err) {
              const rec = recordFor.get(page);
              if (rec) rec.failures.push(`check failed: ${String(err.message || err).split('\n')[0]}`);
              // Start afresh after a crash or a timeout.
              await page.close().catch(() => {});
              page = await makePage();
            }
          }
          await page.close().catch(() => {});
        })(),
      );
    }
    await Promise.all(runners);
  };

  const emptyRecord = (pagePath, mode) => ({
    page: pagePath,
    mode,
    status: null,
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    failures: [],
    violations: [],
    incomplete: 0,
    ms: {},
  });

  try {
    // 1. JavaScript enabled: load, axe-core.
    const jsContext = await newContext({ viewport: { width: 1280, height: 900 } });
    // axe-core from node_modules goes into every document of this context as an init script:
    // half the time of page.addScriptTag({ path }) per page, which remains the fallback below.
    await jsContext.addInitScript({ path: axePath });
    const makeJsPage = async () => {
      const p = await jsContext.newPage();
      p.setDefaultTimeout(NAV_TIMEOUT_MS);
      watch(p);
      return p;
    };
    await pool(htmlFiles, WORKERS, makeJsPage, async (page, rel) => {
      const rec = emptyRecord(rel, 'js');
      records.set(rel, { js: rec });
      recordFor.set(page, rec);
      const tStart = Date.now();
      const resp = await page.goto(pageUrl(rel), { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      rec.status = resp ? resp.status() : null;
      if (rec.status !== 200) rec.failures.push(`HTTP status ${rec.status}`);
      rec.ms.load = Date.now() - tStart;
      const tAxe = Date.now();
      if (!(await page.evaluate(() => typeof window.axe === 'object' && typeof window.axe.run === 'function'))) {
        await page.addScriptTag({ path: axePath });
      }
      let timer;
      const results = await Promise.race([
        page.evaluate(
          (tags) =>
            // eslint-disable-next-line no-undef
            axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => ({
              incomplete: r.incomplete.length,
              violations: r.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((nd) => ({
                  target: nd.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', '),
                  html: nd.html.length > 200 ? `${nd.html.slice(0, 200)}…` : nd.html,
                  summary: nd.failureSummary || '',
                })),
              })),
            })),
          AXE_TAGS,
        ),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('axe-core timed out')), AXE_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
      rec.ms.axe = Date.now() - tAxe;
      rec.violations = results.violations;
      // At desktop width too, nothing scrolls sideways.
      const wide = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (wide[0] > wide[1]) rec.failures.push(`at 1280 px the page scrolls sideways (${wide[0]} px wide in ${wide[1]})`);
      rec.incomplete = results.incomplete;
      // The page stays mapped to its record until the next one: late events still count.
    });

    // 2. Screenshots, in the same context.
    if (opts.screenshots) {
      await fsp.mkdir(opts.screenshots, { recursive: true });
      const page = await makeJsPage();
      // Problems on these pages were reported by the checks above.
      recordFor.set(page, emptyRecord('(screenshots)', 'screenshot'));
      for (const rel of opts.pages) {
        if (!fs.existsSync(path.join(siteRoot, rel))) {
          missingScreenshotPages.push(rel);
          continue;
        }
        for (const width of SCREENSHOT_WIDTHS) {
          await page.setViewportSize({ width, height: SCREENSHOT_HEIGHT });
          await page.goto(pageUrl(rel), { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const name = `${rel.replace(/\.html?$/i, '').replace(/\//g, '-')}-${width}.png`;
          const out = path.join(opts.screenshots, name);
          await page.screenshot({ path: out, fullPage: true, animations: 'disabled' });
          screenshots.push(out);
        }
      }
      await page.close();
    }
    await jsContext.close();

    // 3. JavaScript disabled: loads without console errors, has an <h1>.
    const noJsContext = await newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const makeNoJsPage = async () => {
      const p = await noJsContext.newPage();
      p.setDefaultTimeout(NAV_TIMEOUT_MS);
      watch(p);
      return p;
    };
    await pool(htmlFiles, WORKERS, makeNoJsPage, async (page, rel) => {
      const rec = emptyRecord(rel, 'nojs');
      records.get(rel).nojs = rec;
      recordFor.set(page, rec);
      const tStart = Date.now();
      const resp = await page.goto(pageUrl(rel), { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
      rec.status = resp ? resp.status() : null;
      if (rec.status !== 200) rec.failures.push(`HTTP status ${rec.status}`);
      const h1 = await page.locator('h1').count();
      if (h1 === 0) rec.failures.push('no <h1> with JavaScript disabled');
      // Let late console messages (failed loads reported after the load event) arrive.
      await page.waitForTimeout(SETTLE_MS);
      rec.ms.load = Date.now() - tStart;
    });
    await noJsContext.close();

    // 4. Narrow screens: nothing scrolls sideways, with every <details> open.
    for (const width of NARROW_WIDTHS) {
      const narrowContext = await newContext({ viewport: { width, height: 800 } });
      const makeNarrowPage = async () => {
        const p = await narrowContext.newPage();
        p.setDefaultTimeout(NAV_TIMEOUT_MS);
        watch(p);
        return p;
      };
      await pool(htmlFiles, WORKERS, makeNarrowPage, async (page, rel) => {
        const entry = records.get(rel);
        if (!entry.narrow) entry.narrow = emptyRecord(rel, 'narrow');
        recordFor.set(page, entry.narrow);
        await page.goto(pageUrl(rel), { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
        const problems = await page.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
          const out = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth) {
            out.push(`the page scrolls sideways (${root.scrollWidth} px wide in ${root.clientWidth})`);
          }
          const name = (el) => {
            const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
            const label = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
            return `<${el.tagName.toLowerCase()}${cls}> "${label}"`;
          };
          for (const el of document.querySelectorAll('body *')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden') continue;
            // A box that scrolls or clips sideways hides part of itself on a phone.
            if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 &&
                el.clientWidth > 1) {
              out.push(`${name(el)} overflows its box (${el.scrollWidth} px in ${el.clientWidth})`);
            }
          }
          return out;
        });
        for (const problem of problems) entry.narrow.failures.push(`at ${width} px: ${problem}`);
      });
      await narrowContext.close();
    }
  } finally {
    await browser.close().catch(() => {});
  }
  return { records, thirdParty, screenshots, missingScreenshotPages };
}

// ---------------------------------------------------------------------------
// pa11y

/** The pages pa11y checks: every one, or the first of each folder (a kind of page) and the
 * largest objective page, the one with the most to check. */
function pa11yPages(htmlFiles, which, siteRoot) {
  if (which === 'all') return htmlFiles;
  const byKind = new Map();
  for (const rel of htmlFiles) {
    const kind = rel.includes('/') ? rel.split('/')[0] : rel;
    if (!byKind.has(kind)) byKind.set(kind, rel);
  }
  const objectives = htmlFiles.filter((rel) => rel.startsWith('obiettivi/'));
  const largest = objectives
    .map((rel) => ({ rel, size: fs.statSync(path.join(siteRoot, rel)).size }))
    .sort((a, b) => b.size - a.size || a.rel.localeCompare(b.rel))[0];
  const pages = [...byKind.values()];
  if (largest && !pages.includes(largest.rel)) pages.push(largest.rel);
  return pages.sort();
}

/** pa11y with HTML_CodeSniffer on the pages, in Debian's Chromium; errors only. */
async function runPa11y(htmlFiles, which, siteRoot, baseUrl) {
  const result = { issues: [], failures: [], pages: pa11yPages(htmlFiles, which, siteRoot) };
  let pa11y;
  let puppeteer;
  try {
    pa11y = require('pa11y');
    puppeteer = require('puppeteer');
  } catch (err) {
    result.failures.push(`pa11y is not installed (run npm ci in ${HERE}): ${err.message}`);
    return result;
  }
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const queue = result.pages.slice();
    const worker = async () => {
      while (queue.length) {
        const rel = queue.shift();
        try {
          const report = await pa11y(`${baseUrl}/${rel.split('/').map(encodeURIComponent).join('/')}`, {
            browser,
            standard: 'WCAG2AA',
            runners: ['htmlcs'],
            includeWarnings: false,
            includeNotices: false,
            timeout: NAV_TIMEOUT_MS * 2,
          });
          for (const issue of report.issues.filter((i) => i.type === 'error')) {
            result.issues.push({ page: rel, code: issue.code, message: issue.message, selector: issue.selector });
          }
        } catch (err) {
          result.failures.push(`${rel}: ${String(err.message || err).split('\n')[0]}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(WORKERS, queue.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
  }
  return result;
}

// ---------------------------------------------------------------------------
// Report

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function heading(title) {
  console.log(`\n== ${title} ${'='.repeat(Math.max(3, 74 - title.length))}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const siteRoot = fs.realpathSync(opts.site);
  const files = listFiles(siteRoot);
  // A page that only sends the reader elsewhere (a moved address) leaves as
  // soon as it loads: its target must exist; the browser checks the target.
  const refresh = /<meta\s+http-equiv="refresh"\s+content="0;\s*url=([^"]+)"/i;
  const redirects = [];
  const htmlFiles = files.filter(isHtml).filter((rel) => {
    const match = fs.readFileSync(path.join(siteRoot, rel), 'utf8').match(refresh);
    if (match) redirects.push({ rel, target: path.posix.normalize(path.posix.join(path.posix.dirname(rel), match[1])) });
    return !match;
  });
  console.log(`check-site: ${siteRoot}: ${plural(files.length, 'file')}, ${plural(htmlFiles.length, 'HTML page')}`);
  const brokenRedirects = redirects.filter((r) => !files.includes(r.target));
  for (const r of redirects) {
    console.log(`redirect: ${r.rel} -> ${r.target}${files.includes(r.target) ? '' : ' (MISSING)'}`);
  }
  if (htmlFiles.length === 0) console.log('check-site: warning: no HTML pages to check');

  const server = await startServer(siteRoot);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;

  // The Nu Html Checker runs in its own process while the browser works.
  const t0 = Date.now();
  const vnuPromise = runVnu(siteRoot, files).then((r) => ({ ...r, ms: Date.now() - t0 }));
  const t1 = Date.now();
  const links = checkLinks(siteRoot, files);
  links.ms = Date.now() - t1;

  let browser = null;
  let browserFailure = null;
  const t2 = Date.now();
  if (htmlFiles.length > 0) {
    try {
      browser = await browserChecks(siteRoot, htmlFiles, opts, baseUrl);
    } catch (err) {
      browserFailure = err;
    }
  }
  const browserMs = Date.now() - t2;
  const pa11y = opts.pa11y === 'none' || htmlFiles.length === 0
    ? { issues: [], failures: [], pages: [] }
    : await runPa11y(htmlFiles, opts.pa11y, siteRoot, baseUrl);
  const slowest = browser
    ? [...browser.records.values()]
        .map((r) => ({ page: r.js.page, ms: (r.js.ms.load || 0) + (r.js.ms.axe || 0) + ((r.nojs && r.nojs.ms.load) || 0), r }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
    : [];
  const vnu = await vnuPromise;
  server.close();

  // --- Accessibility
  heading('Accessibility (axe-core, WCAG 2.0/2.1 A and AA)');
  const byRule = new Map();
  let violationCount = 0;
  let nodeCount = 0;
  if (browser) {
    for (const { js } of browser.records.values()) {
      for (const v of js.violations) {
        violationCount++;
        nodeCount += v.nodes.length;
        if (!byRule.has(v.id)) byRule.set(v.id, { ...v, pages: [] });
        byRule.get(v.id).pages.push({ page: js.page, nodes: v.nodes });
      }
    }
  }
  if (byRule.size === 0) console.log(browser ? `no violations on ${plural(htmlFiles.length, 'page')}` : 'not run');
  for (const [id, r] of byRule) {
    console.log(`\n${id} (${r.impact}): ${r.help} — ${plural(r.pages.length, 'page')}`);
    console.log(`  ${r.helpUrl}`);
    for (const p of r.pages) {
      for (const nd of p.nodes) {
        console.log(`  ${p.page}: ${nd.target}`);
        console.log(`      ${nd.html.replace(/\s+/g, ' ')}`);
      }
    }
  }
  if (violationCount) console.log(`\n${plural(violationCount, 'violation')} (rule × page), ${plural(nodeCount, 'element')}`);

  // --- Third-party requests
  heading('Third-party requests (any request to a host other than 127.0.0.1)');
  const thirdParty = browser ? browser.thirdParty : [];
  if (thirdParty.length === 0) console.log(browser ? 'none' : 'not run');
  for (const t of thirdParty) console.log(`  ${t.page}${t.mode === 'nojs' ? ' (JavaScript disabled)' : ''}: ${t.url}`);

  // --- Console and page errors
  heading('Console errors and page errors');
  let consoleErrors = 0;
  let pageErrors = 0;
  let otherFailures = 0;
  const warnings = [];
  if (browser) {
    for (const r of browser.records.values()) {
      for (const rec of [r.js, r.nojs].filter(Boolean)) {
        const mode = rec.mode === 'nojs' ? ' (JavaScript disabled)' : '';
        for (const e of rec.consoleErrors) {
          consoleErrors++;
          console.log(`  ${rec.page}${mode}: console error: ${e}`);
        }
        for (const e of rec.pageErrors) {
          pageErrors++;
          console.log(`  ${rec.page}${mode}: page error: ${e}`);
        }
        if (rec.mode === 'js') {
          for (const f of rec.failures) {
            otherFailures++;
            console.log(`  ${rec.page}: ${f}`);
          }
        }
        for (const w of rec.consoleWarnings) warnings.push(`  ${rec.page}${mode}: console warning: ${w}`);
      }
    }
  }
  if (browserFailure) {
    otherFailures++;
    console.log(`  the browser checks could not run: ${browserFailure.message}`);
  } else if (consoleErrors + pageErrors === 0 && otherFailures === 0) {
    console.log(browser ? 'none' : 'not run');
  }
  if (warnings.length) {
    console.log(`  (${plural(warnings.length, 'console warning')}, not counted as failures:)`);
    for (const w of warnings) console.log(w);
  }

  // --- JavaScript disabled
  heading('JavaScript disabled (loads, has an <h1>)');
  let noJsProblems = 0;
  if (browser) {
    for (const r of browser.records.values()) {
      if (!r.nojs) continue;
      for (const f of r.nojs.failures) {
        noJsProblems++;
        console.log(`  ${r.nojs.page}: ${f}`);
      }
    }
    if (noJsProblems === 0) console.log(`all ${plural(htmlFiles.length, 'page')} load and have an <h1> (console errors are listed above)`);
  } else console.log('not run');

  // --- Narrow screens
  heading(`Narrow screens (${NARROW_WIDTHS.join(' and ')} px: no sideways scrolling, nothing overflowing)`);
  let narrowProblems = 0;
  if (browser) {
    for (const r of browser.records.values()) {
      if (!r.narrow) continue;
      for (const f of r.narrow.failures) {
        narrowProblems++;
        console.log(`  ${r.narrow.page}: ${f}`);
      }
    }
    if (narrowProblems === 0) console.log(`all ${plural(htmlFiles.length, 'page')} fit ${NARROW_WIDTHS.join(' and ')} px`);
  } else console.log('not run');

  // --- pa11y
  heading(`pa11y (HTML_CodeSniffer, WCAG 2 AA, errors), ${opts.pa11y === 'all' ? 'every page' : 'a page of each kind'}`);
  for (const f of pa11y.failures) console.log(`  could not run: ${f}`);
  for (const issue of pa11y.issues) {
    console.log(`  ${issue.page}: ${issue.code}\n      ${issue.message}\n      ${issue.selector}`);
  }
  if (opts.pa11y === 'none') console.log('not run (--pa11y none)');
  else if (pa11y.failures.length === 0 && pa11y.issues.length === 0) console.log(`no errors on ${plural(pa11y.pages.length, 'page')}: ${pa11y.pages.join(', ')}`);

  // --- Links
  heading('Links (internal references and #fragments; external links are not fetched)');
  for (const b of links.broken) console.log(`  ${b.file}:${b.line}: ${b.ref} — ${b.problem}`);
  console.log(
    `${plural(links.scanned, 'file')} read, ${plural(links.internalRefs, 'internal reference')} checked, ` +
      `${links.broken.length} broken; ${plural(links.externalRefs, 'external link')} ` +
      `(${links.externalUnique} distinct) not fetched`,
  );
  if (links.rootAbsolute.length) {
    console.log(
      `note: ${plural(links.rootAbsolute.length, 'reference')} start with "/" and would break if the site is published in a sub-folder, e.g. ` +
        `${links.rootAbsolute[0].file}:${links.rootAbsolute[0].line}: ${links.rootAbsolute[0].ref}`,
    );
  }

  // --- HTML validity
  heading('HTML and CSS validity (Nu Html Checker, errors only)');
  for (const f of vnu.failures) console.log(`  could not check: ${f}`);
  const byMessage = new Map();
  for (const e of vnu.errors) {
    if (!byMessage.has(e.message)) byMessage.set(e.message, []);
    byMessage.get(e.message).push(e);
  }
  for (const [message, list] of byMessage) {
    console.log(`\n${message} — ${plural(list.length, 'time')}`);
    for (const e of list) {
      const extract = e.extract ? `  ${e.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}` : '';
      console.log(`  ${e.file}:${e.line ?? '?'}${e.column ? `:${e.column}` : ''}${extract}`);
    }
  }
  if (vnu.errors.length === 0 && vnu.failures.length === 0) console.log(`no errors in ${plural(vnu.files, 'file')}`);

  // --- Screenshots
  if (opts.screenshots) {
    heading('Screenshots');
    if (browser) {
      for (const s of browser.screenshots) console.log(`  ${s}`);
      for (const p of browser.missingScreenshotPages) console.log(`  warning: ${p} is not in the site: no screenshot`);
      if (browser.screenshots.length === 0 && browser.missingScreenshotPages.length === 0) console.log('none');
    } else console.log('not taken');
  }

  // --- Summary
  if (opts.json) {
    const report = {
      site: siteRoot,
      pages: htmlFiles.length,
      axe: browser ? [...browser.records.values()].map((r) => ({ page: r.js.page, violations: r.js.violations })) : null,
      thirdParty,
      browserPages: browser ? [...browser.records.values()] : null,
      links,
      vnu,
      screenshots: browser ? browser.screenshots : [],
    };
    await fsp.mkdir(path.dirname(opts.json), { recursive: true });
    await fsp.writeFile(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  const htmlErrors = vnu.errors.length;
  const failed =
    violationCount +
      links.broken.length +
      brokenRedirects.length +
      htmlErrors +
      thirdParty.length +
      consoleErrors +
      pageErrors +
      otherFailures +
      narrowProblems +
      pa11y.issues.length +
      pa11y.failures.length +
      noJsProblems +
      vnu.failures.length >
    0;
  console.log('');
  console.log(
    `timings: links ${(links.ms / 1000).toFixed(1)} s, browser ${(browserMs / 1000).toFixed(1)} s, ` +
      `Nu Html Checker ${(vnu.ms / 1000).toFixed(1)} s (in parallel), total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (slowest.length) {
    console.log(
      `slowest pages: ${slowest
        .map((s) => `${s.page} ${(s.ms / 1000).toFixed(1)} s (load ${s.r.js.ms.load}, axe ${s.r.js.ms.axe}, no-JS ${s.r.nojs ? s.r.nojs.ms.load : '-'} ms)`)
        .join('; ')}`,
    );
  }
  console.log(
    `result: ${failed ? 'FAILED' : 'passed'} (${plural(consoleErrors, 'console error')}, ${plural(pageErrors, 'page error')}, ` +
      `${plural(noJsProblems, 'problem')} with JavaScript disabled, ${plural(otherFailures + vnu.failures.length, 'other failure')})`,
  );
  console.log(
    `browser checks: ${htmlFiles.length} pages, ${violationCount} axe violations, ${links.broken.length} broken links, ` +
      `${htmlErrors} html errors, ${thirdParty.length} third-party requests, ${narrowProblems} narrow-screen problems, ` +
      `${pa11y.issues.length} pa11y errors`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`check-site: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
});
