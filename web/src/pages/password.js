// 修改密码: current password, new password, repeat. Forced after sign-in while the account must
// change its password (first-start administrator, reset passwords); also reachable from the user
// menu. Checks as the user types; server rejections appear next to the field they concern.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { auth } from '../api.js';
import { session, loadMe, landingPath } from '../session.js';
import { navigate } from '../router.js';

const MIN_LENGTH = 10;

function field(name, label, autocomplete) {
  const error = h('p', { class: 'field-error', id: `${name}-error`, hidden: true });
  const input = h('input', { id: name, name, type: 'password', autocomplete, required: true, 'aria-describedby': `${name}-error` });
  const set = (message) => {
    error.hidden = !message;
    error.textContent = message || '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  return { input, set, node: h('div', { class: 'field' }, h('label', { for: name }, label), input, error) };
}

/** The problems the browser can see before asking the server: key → message, or null. */
export function passwordProblems(username, current, next, repeat) {
  return {
    current: current ? null : t('password.required.current'),
    next: !next ? t('password.required.new') : next.length < MIN_LENGTH ? t('password.tooShort', { min: MIN_LENGTH }) : next === username ? t('password.sameAsUsername') : next === current ? t('password.sameAsCurrent') : null,
    repeat: next && repeat !== next ? t('password.mismatch') : null,
  };
}

export default {
  name: 'password',
  tier: null,
  render(main, ctx) {
    ctx.setTitle(t('password.title'));
    const forced = Boolean(session.me?.mustChangePassword);
    const current = field('currentPassword', t('password.current'), 'current-password');
    const next = field('newPassword', t('password.new'), 'new-password');
    const repeat = field('repeatPassword', t('password.repeat'), 'new-password');
    const alert = h('div', { class: 'form-alert', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('password.submit'));
    const fields = { current, next, repeat };
    let touched = false;

    const check = () => {
      const problems = passwordProblems(session.me?.username, current.input.value, next.input.value, repeat.input.value);
      for (const [key, f] of Object.entries(fields)) f.set(touched || f.input.value ? problems[key] : null);
      return problems;
    };
    for (const f of Object.values(fields)) f.input.addEventListener('input', check);

    const form = h('form', { class: 'login-form', novalidate: true }, current.node, next.node, repeat.node, alert, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      touched = true;
      alert.hidden = true;
      const problems = check();
      const first = Object.entries(problems).find(([, message]) => message);
      if (first) {
        fields[first[0]].input.focus();
        return;
      }
      submit.disabled = true;
      try {
        await auth.changePassword(current.input.value, next.input.value);
        await loadMe();
        navigate(landingPath(session.me), { replace: true });
      } catch (e) {
        if (ctx.signal.aborted) return;
        submit.disabled = false;
        const byField = typeof e.fieldMessages === 'function' ? e.fieldMessages() : {};
        if (byField.currentPassword) current.set(byField.currentPassword);
        if (byField.newPassword) next.set(byField.newPassword);
        alert.hidden = false;
        alert.dataset.code = e.code || '';
        alert.textContent = typeof e.localized === 'function' ? e.localized() : t('error.network');
      }
    });

    mount(
      main,
      h(
        'div',
        { class: 'login-layout' },
        h(
          'section',
          { class: 'login-card', 'aria-labelledby': 'page-title' },
          h('h1', { id: 'page-title' }, t('password.title')),
          forced ? h('p', { class: 'form-alert info', role: 'status' }, t('password.forced')) : null,
          h('p', { class: 'muted small' }, t('password.rules', { min: MIN_LENGTH })),
          form,
        ),
      ),
    );
    current.input.focus();
  },
};
