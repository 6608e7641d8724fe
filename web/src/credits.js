// Eco credits (生态积分) in the browser: display of credit amounts and of the public register's
// lists. Credits travel as strings with exactly 3 decimals ("12.345"; 1 unit = 0.001 credit,
// decision 0005) and are shown as they are, only grouped — never through binary floating point.

import { t } from './i18n.js';

/** The public register's lists, in the order of the page's tabs, with their columns (JSON keys). */
export const REGISTER_LISTS = {
  projects: ['id', 'name', 'kind', 'countyCode', 'ownerPartyId', 'status', 'estimatedCredits', 'policyVersion', 'approvedAt'],
  issuances: ['at', 'projectId', 'batchId', 'countyCode', 'vintage', 'serials', 'credits', 'toPartyId', 'policyVersion', 'priceSetId'],
  transfers: ['at', 'kind', 'fromPartyId', 'toPartyId', 'credits', 'serials', 'priceYuanPerCredit', 'amountYuan', 'countyCode'],
  retirements: ['at', 'holderPartyId', 'credits', 'serials', 'obligationId', 'beneficiary', 'reason', 'countyCode'],
  obligations: ['id', 'developmentId', 'countyCode', 'obligorPartyId', 'amount', 'retired', 'coveredByPool', 'status', 'policyVersion', 'priceSetId'],
};

/** Columns holding credit amounts (3 decimals) or money in 元 (2 decimals): right-aligned, grouped. */
export const CREDIT_COLUMNS = new Set(['estimatedCredits', 'credits', 'amount', 'retired', 'coveredByPool']);
export const YUAN_COLUMNS = new Set(['priceYuanPerCredit', 'amountYuan']);
/** Columns whose values are codes with a translated label (credits.value.<column>.<value>). */
export const CODED_COLUMNS = new Set(['kind', 'status']);
/** Columns holding an instant or a date. */
export const DATE_COLUMNS = new Set(['at', 'approvedAt']);

/** Groups the integer part of a decimal string: "12345.678" → "12,345.678"; other values as text. */
export function groupDecimal(value) {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  const m = /^(-)?(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1] || ''}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] || ''}`;
}

/** The label of a coded value, falling back to the server's code for values this client does not know. */
export function codedLabel(column, value) {
  if (value === null || value === undefined || value === '') return '—';
  const key = `credits.value.${column}.${String(value).toLowerCase()}`;
  const label = t(key);
  return label === key ? String(value) : label;
}

/** The address of a register list as CSV (the whole list, Chinese headers, UTF-8 with BOM). */
export function registerCsvHref(list, county) {
  const q = county ? `?county=${encodeURIComponent(county)}` : '';
  return `/api/v1/register/${list}.csv${q}`;
}
