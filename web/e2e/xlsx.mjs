// A tiny XLSX helper for the browser tests (no dependency): reads the zip of a downloaded workbook,
// appends rows of inline strings to a sheet found by its name, and writes the zip again (stored
// entries). Enough to fill the platform's own import templates like a user would in Excel.

import { crc32, inflateRawSync } from 'node:zlib';

/** The entries of a zip file: name → Buffer (stored and deflated entries). */
export function readZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** A zip of stored (uncompressed) entries. */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Sheet names of a workbook, in order. */
export function sheetNames(entries) {
  const wb = entries.get('xl/workbook.xml').toString('utf8');
  return [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*\bname="([^"]+)"/g)].map((m) => unescape(m[1]));
}

function sheetPath(entries, name) {
  const wb = entries.get('xl/workbook.xml').toString('utf8');
  const sheet = [...wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => m[1]).find((attrs) => unescape(/name="([^"]+)"/.exec(attrs)[1]) === name);
  if (!sheet) throw new Error(`no sheet ${name}: ${sheetNames(entries).join(', ')}`);
  const rid = /r:id="([^"]+)"/.exec(sheet)[1];
  const rels = entries.get('xl/_rels/workbook.xml.rels').toString('utf8');
  const target = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) || new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const t = target[1].replace(/^\//, '');
  return t.startsWith('xl/') ? t : `xl/${t}`;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const column = (i) => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** Appends `rows` (arrays of strings, '' = empty cell) after the header row of sheet `name`. */
export function appendRows(entries, name, rows) {
  const path = sheetPath(entries, name);
  let xml = entries.get(path).toString('utf8');
  const xmlRows = rows
    .map((cells, i) => {
      const r = i + 2;
      const cs = cells.map((v, j) => (v === '' || v === null || v === undefined ? '' : `<c r="${column(j)}${r}" t="inlineStr"><is><t xml:space="preserve">${escape(v)}</t></is></c>`)).join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  xml = xml.replace(/<dimension ref="[^"]*"\/>/, '');
  if (/<sheetData\s*\/>/.test(xml)) xml = xml.replace(/<sheetData\s*\/>/, `<sheetData>${xmlRows}</sheetData>`);
  else xml = xml.replace('</sheetData>', `${xmlRows}</sheetData>`);
  entries.set(path, Buffer.from(xml, 'utf8'));
  return entries;
}

/** The header texts (first row, shared or inline strings) of sheet `name`. */
export function headers(entries, name) {
  const xml = entries.get(sheetPath(entries, name)).toString('utf8');
  const shared = entries.has('xl/sharedStrings.xml') ? [...entries.get('xl/sharedStrings.xml').toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(''))) : [];
  const first = /<row\b[^>]*>([\s\S]*?)<\/row>/.exec(xml);
  if (!first) return [];
  return [...first[1].matchAll(/<c\b([^>]*)>([\s\S]*?)<\/c>/g)].map(([, attrs, body]) => {
    if (/t="s"/.test(attrs)) return shared[Number(/<v>(\d+)<\/v>/.exec(body)[1])];
    const t = /<t[^>]*>([\s\S]*?)<\/t>/.exec(body);
    return t ? unescape(t[1]) : (/<v>([\s\S]*?)<\/v>/.exec(body) || [])[1] || '';
  });
}
