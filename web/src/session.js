// The signed-in user (GET /api/v1/me) and where each data scope lands.

import { auth, divisions } from './api.js';

export const session = { me: null };

/** Loads the current user; null when not signed in. Other failures propagate. */
export async function loadMe() {
  try {
    session.me = await auth.me();
  } catch (e) {
    if (e.status === 401) session.me = null;
    else throw e;
  }
  return session.me;
}

export function clearSession() {
  session.me = null;
  divisions.clearCache();
}

function scopeCode(me) {
  return me?.scope?.code || '3308';
}

/** The page a user lands on: the tier and place of their data scope. */
export function landingPath(me) {
  if ((me?.roles || []).includes('HOUSEHOLD')) return '/household';
  const code = scopeCode(me);
  switch (me?.scope?.level) {
    case 'village':
      return `/village/${code}`;
    case 'town':
      return `/town/${code}`;
    case 'county':
      return `/county/${code}`;
    default:
      return '/map';
  }
}

/** Target of the 村 tier: the user's own village, else the village finder. */
export function villageTierPath(me) {
  if ((me?.roles || []).includes('HOUSEHOLD')) return '/household';
  return me?.scope?.level === 'village' ? `/village/${scopeCode(me)}` : '/villages';
}

/** Target of the 县 tier: the user's county, else the county chooser. */
export function countyTierPath(me) {
  const code = scopeCode(me);
  return code.length >= 6 ? `/county/${code.slice(0, 6)}` : '/counties';
}
