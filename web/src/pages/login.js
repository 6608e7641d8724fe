// 登录: username/password; the server's problem+json message (bad credentials, throttling) is
// shown in the UI language next to the form, field problems next to their field.

import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { auth } from '../api.js';
import { session, landingPath } from '../session.js';
import { navigate } from '../router.js';

function field(name, label, type, autocomplete) {
  const error = h('p', { class: 'field-error', id: `${name}-error`, hidden: true });
  const input = h('input', { id: name, name, type, autocomplete, required: true, 'aria-describedby': `${name}-error`, spellcheck: 'false', autocapitalize: 'off' });
  input.addEventListener('input', () => setFieldError(input, error, null));
  return { input, error, node: h('div', { class: 'field' }, h('label', { for: name }, label), input, error) };
}

function setFieldError(input, error, message) {
  error.hidden = !message;
  error.textContent = message || '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export default {
  name: 'login',
  auth: false,
  bare: true,
  tier: null,
  render(main, ctx) {
    if (session.me) {
      navigate(landingPath(session.me), { replace: true });
      return;
    }
    ctx.setTitle(t('login.title'));
    const user = field('username', t('login.username'), 'text', 'username');
    const pass = field('password', t('login.password'), 'password', 'current-password');
    const alert = h('div', { class: 'form-alert', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.submit'));
    if (ctx.query.get('expired')) {
      alert.hidden = false;
      alert.classList.add('info');
      alert.textContent = t('error.sessionExpired');
    }

    const form = h('form', { class: 'login-form', novalidate: true }, user.node, pass.node, alert, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      alert.hidden = true;
      alert.classList.remove('info');
      const username = user.input.value.trim();
      const password = pass.input.value;
      setFieldError(user.input, user.error, username ? null : t('login.required.username'));
      setFieldError(pass.input, pass.error, password ? null : t('login.required.password'));
      if (!username || !password) {
        (username ? pass.input : user.input).focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = t('login.submitting');
      try {
        await auth.login(username, password);
        await ctx.onLogin();
      } catch (e) {
        if (ctx.signal.aborted) return;
        submit.disabled = false;
        submit.textContent = t('login.submit');
        const fields = typeof e.fieldMessages === 'function' ? e.fieldMessages() : {};
        if (fields.username) setFieldError(user.input, user.error, fields.username);
        if (fields.password) setFieldError(pass.input, pass.error, fields.password);
        alert.hidden = false;
        alert.dataset.code = e.code || '';
        alert.textContent = typeof e.localized === 'function' ? e.localized() : t('error.network');
        if (e.status === 429) alert.classList.add('warn');
        else alert.classList.remove('warn');
        pass.input.select();
        pass.input.focus();
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
          h('div', { class: 'login-brand' }, h('span', { class: 'brand-mark large', 'aria-hidden': 'true' }, '山'), h('div', null, h('p', { class: 'login-app' }, t('app.name')), h('p', { class: 'muted' }, t('login.subtitle')))),
          h('h1', { id: 'page-title' }, t('login.title')),
          form,
          h('p', { class: 'muted small' }, t('login.note')),
          h('p', { class: 'small' }, h('a', { href: '/registers' }, t('login.public'))),
        ),
      ),
    );
    user.input.focus();
  },
};
