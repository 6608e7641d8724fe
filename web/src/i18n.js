// zh-CN first, English second. Every key must exist in both dictionaries (test/i18n.test.js).
// The choice is kept in localStorage so a reload keeps the language.

import { zh } from './messages/zh.js';
import { en } from './messages/en.js';

export const MESSAGES = { zh, en };
export const LANGS = ['zh', 'en'];
const STORAGE_KEY = 'liangshan.lang';
const listeners = new Set();

let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return LANGS.includes(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

export function getLang() {
  return current;
}

export function setLang(lang) {
  if (!LANGS.includes(lang) || lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be disabled (private mode); the choice then lasts for this page only
  }
  applyDocumentLang();
  for (const listener of listeners) listener(lang);
}

export function applyDocumentLang() {
  if (globalThis.document) document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
}

export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates `key`, replacing {name} placeholders from `params`. Unknown keys show the key. */
export function t(key, params) {
  const text = MESSAGES[current][key] ?? MESSAGES.zh[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Picks the current language from a {zh, en} pair or from messageZh/messageEn fields. */
export function pick(pair) {
  if (!pair) return '';
  if (current === 'en') return pair.en ?? pair.messageEn ?? pair.zh ?? pair.messageZh ?? '';
  return pair.zh ?? pair.messageZh ?? pair.en ?? pair.messageEn ?? '';
}
