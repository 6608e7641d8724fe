// Every message key exists in both languages, no message is empty, and placeholders match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zh } from '../src/messages/zh.js';
import { en } from '../src/messages/en.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('zh and en have the same keys', () => {
  const missingEn = Object.keys(zh).filter((k) => !(k in en));
  const missingZh = Object.keys(en).filter((k) => !(k in zh));
  assert.deepEqual(missingEn, [], `keys missing in en.js: ${missingEn.join(', ')}`);
  assert.deepEqual(missingZh, [], `keys missing in zh.js: ${missingZh.join(', ')}`);
});

test('no empty message and the same placeholders in both languages', () => {
  for (const key of Object.keys(zh)) {
    assert.ok(zh[key].trim(), `zh ${key} is empty`);
    assert.ok(en[key].trim(), `en ${key} is empty`);
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), `placeholders differ for ${key}`);
  }
});

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'messages' ? [] : sources(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

test('every literal key used with t() exists', () => {
  const used = new Set();
  for (const file of sources(new URL('../src', import.meta.url).pathname)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 50, `expected many keys in use, found ${used.size}`);
  const unknown = [...used].filter((k) => !(k in zh));
  assert.deepEqual(unknown, [], `t() keys without a message: ${unknown.join(', ')}`);
});

test('dynamic key families are complete', () => {
  for (const id of ['gep', 'resources', 'rights', 'transfers', 'packages', 'io', 'income', 'credits']) {
    assert.ok(`village.tab.${id}` in zh && `village.empty.${id}` in zh, id);
  }
  for (const id of ['investment', 'trading', 'finance', 'policy', 'evaluation']) {
    assert.ok(`nav.centre.${id}` in zh && `centre.${id}.desc` in zh, id);
  }
  for (const level of ['city', 'county', 'town', 'village']) assert.ok(`level.${level}` in zh, level);
  for (const layer of ['counties', 'towns', 'villages']) assert.ok(`map.layer.${layer}` in zh, layer);
  for (const c of ['provisioning', 'regulating', 'cultural']) assert.ok(`gep.class.${c}` in zh, c);
  for (const s of ['queued', 'running', 'cancelling', 'succeeded', 'failed', 'cancelled']) assert.ok(`gep.run.status.${s}` in zh, s);
  for (const s of ['open', 'acknowledged', 'resolved']) assert.ok(`gep.alert.status.${s}` in zh && `gep.alerts.filter.${s}` in zh, s);
  for (const s of ['critical', 'warning', 'info']) assert.ok(`gep.severity.${s}` in zh, s);
  for (const d of ['up', 'down', 'flat']) assert.ok(`gep.change.${d}` in zh && `gep.change.${d}.vs` in zh, d);
  for (const tier of ['village', 'county', 'city']) assert.ok(`nav.tier.${tier}` in zh && `nav.tier.${tier}.long` in zh, tier);
});
