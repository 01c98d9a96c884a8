// dermreg /submit: case entry for clinicians. Vanilla JS, no build step, no dependency.
//
// - The form is built from GET /v1/registries/{registry}/form (JSON Schema 2020-12 with labels, help
//   texts, x-order and conditional rules), so it cannot disagree with the API.
// - The token lives in memory and sessionStorage (never localStorage); sign-out revokes it.
// - The draft lives in sessionStorage. Free text goes into it only in its de-identified form, after a
//   check, so the draft never holds what the service removes. It is cleared on submit.
// - "Check and preview" posts to cases:validate: 422 errors are placed beside their fields (by JSON
//   pointer) with a summary linking to each; otherwise the case is shown as it will be stored.
// - Nothing identifying is put in a URL: every call sends its data in the body.
// - Every word it writes is one of the page's messages (the server sends them, in the page's
//   language, in #page-data); the API is asked in the same language (Accept-Language).
(function () {
  'use strict';

  var SESSION_KEY = 'dermreg.session';
  var DRAFT_KEY = 'dermreg.draft';
  var PAGE = (function () {
    try { return JSON.parse(document.getElementById('page-data').textContent); } catch (e) { return { lang: 'en', messages: {} }; }
  })();
  var LANG = PAGE.lang || document.documentElement.lang || 'en';
  // The message `id`, its `{name}` placeables filled from `args`.
  function t(id, args) {
    var s = PAGE.messages[id] || id;
    Object.keys(args || {}).forEach(function (k) { s = s.split('{' + k + '}').join(String(args[k])); });
    return s;
  }
  var ITEM_NAMES = { treatments: t('submit-item-treatments'), manifestations: t('submit-item-manifestations') };
  var WITHDRAWAL_REASONS = [
    ['entered_in_error', t('submit-reason-entered-in-error')],
    ['duplicate', t('submit-reason-duplicate')],
    ['consent_withdrawn', t('submit-reason-consent-withdrawn')],
    ['other', t('submit-reason-other')]
  ];

  var session = null;      // {token, username, role, registries, expires}
  var schemas = {};        // registry -> form schema
  var titles = {};         // registry -> its title, from GET /v1/registries
  var registry = null;     // the registry of the form on screen
  var root = null;         // the control tree of the form on screen
  var byPointer = new Map(); // JSON pointer -> control
  var checked = null;      // {form: JSON text checked, answer: the dry run, key: Idempotency-Key}
  var deidentified = new Map(); // pointer of a free-text field -> {raw, stored}
  var correcting = null;   // {id, etag, original} while correcting a stored case

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else if (attrs[k] === true) e.setAttribute(k, '');
      else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function status(text) { $('status').textContent = text || ''; }
  function randomKey() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function store(key, value) {
    try { if (value == null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  }
  function load(key) {
    try { return JSON.parse(sessionStorage.getItem(key)); } catch (e) { return null; }
  }

  // ---- API ----------------------------------------------------------------------------------------
  function api(method, path, body, headers) {
    var h = { 'Accept': 'application/json', 'Accept-Language': LANG };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    if (session) h['Authorization'] = 'Bearer ' + session.token;
    if (body !== undefined) h['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    return fetch(path, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
          if (res.status === 401 && session) endSession(t('submit-session-ended'));
          return { ok: res.ok, status: res.status, body: data, etag: res.headers.get('ETag') };
        });
      }, function () {
        return { ok: false, status: 0, body: null };
      });
  }
  function failure(r) {
    if (r.status === 0) return t('submit-unreachable');
    if (r.status === 429) return t('submit-too-many');
    return (r.body && r.body.detail) || t('submit-answered', { status: r.status });
  }

  // ---- Session ------------------------------------------------------------------------------------
  function startSignIn(note) {
    $('workspace').hidden = true;
    $('signin').hidden = false;
    $('signin-note').hidden = !note;
    $('signin-note').textContent = note || '';
  }
  function endSession(note) {
    session = null;
    store(SESSION_KEY, null);
    startSignIn(note);
  }
  // The language picker needs no button where there is script: choosing reloads the page in it.
  var picker = document.getElementById('lang');
  if (picker) picker.addEventListener('change', function () { picker.form.submit(); });

  function signIn(ev) {
    ev.preventDefault();
    var err = $('signin-error');
    err.hidden = true;
    var username = $('username').value.trim();
    var password = $('password').value;
    if (!username || !password) {
      err.textContent = t('submit-enter-credentials');
      err.hidden = false;
      (username ? $('password') : $('username')).focus();
      return;
    }
    api('POST', '/v1/auth/token', { username: username, password: password }).then(function (r) {
      $('password').value = '';
      if (!r.ok) {
        err.textContent = r.status === 401 ? t('submit-wrong-credentials') : failure(r);
        err.hidden = false;
        $('password').focus();
        return;
      }
      if (r.body.role !== 'clinician' && r.body.role !== 'curator') {
        err.textContent = t('submit-not-clinician');
        err.hidden = false;
        return;
      }
      session = { token: r.body.access_token, username: username, role: r.body.role, registries: r.body.registries, expires: Date.now() + 1000 * r.body.expires_in };
      store(SESSION_KEY, session);
      openWorkspace();
    });
  }
  function signOut() {
    // Revoke the token at the service first; forget it here whatever the answer.
    api('POST', '/v1/auth/logout').then(function () {
      store(DRAFT_KEY, null);
      endSession(t('submit-signed-out'));
      $('username').focus();
    });
  }

  // ---- The workspace ------------------------------------------------------------------------------
  function openWorkspace() {
    $('signin').hidden = true;
    $('workspace').hidden = false;
    $('who').textContent = session.username;
    var select = $('registry');
    api('GET', '/v1/registries').then(function (r) {
      (r.ok ? r.body : []).forEach(function (info) { titles[info.id] = info.title; });
      clear(select);
      session.registries.forEach(function (id) { select.appendChild(el('option', { value: id, text: registryTitle(id) })); });
      var draft = load(DRAFT_KEY);
      var start = draft && session.registries.indexOf(draft.registry) >= 0 ? draft.registry : session.registries[0];
      select.value = start;
      showView('entry');
      return loadForm(start, draft && draft.registry === start ? draft : null);
    }).then(function () { select.focus(); });
  }
  function registryTitle(id) { return titles[id] || id; }
  function showView(which) {
    $('entry').hidden = which !== 'entry';
    $('confirmation').hidden = which !== 'confirmation';
    $('my-cases').hidden = which !== 'cases';
    $('show-entry').setAttribute('aria-current', which === 'entry' ? 'true' : 'false');
    $('show-cases').setAttribute('aria-current', which === 'cases' ? 'true' : 'false');
  }
  function schemaOf(r) {
    if (schemas[r]) return Promise.resolve(schemas[r]);
    return api('GET', '/v1/registries/' + encodeURIComponent(r) + '/form').then(function (res) {
      if (!res.ok) throw new Error(failure(res));
      schemas[r] = res.body;
      return res.body;
    });
  }
  function loadForm(r, draft) {
    registry = r;
    return schemaOf(r).then(function (schema) {
      renderForm(schema);
      if (draft) {
        deidentified = new Map((draft.deidentified || []).map(function (d) { return [d[0], { raw: d[1], stored: d[1] }]; }));
        root.set(draft.form || {});
        refresh();
        status(t('submit-draft-restored'));
      }
    }, function (e) { status(e.message); });
  }

  // ---- Building the form from the schema ----------------------------------------------------------
  function renderForm(schema) {
    byPointer = new Map();
    hideErrors();
    $('preview').hidden = true;
    checked = null;
    var fields = $('fields');
    clear(fields);
    root = objectControl(schema, schema, '', fields, 0);
  }

  // Ids follow the JSON pointer (`/covid/outcome/icu` -> `f-covid-outcome-icu`): one form is on screen at
  // a time, so they are unique, and stable for tests and for the error summary's links.
  function nextId(pointer) { return 'f' + pointer.replace(/[^A-Za-z0-9_]+/g, '-'); }
  function optionId(id, value) { return id + '--' + String(value).replace(/[^A-Za-z0-9_]+/g, '-'); }

  function resolve(schema, prop) {
    return prop.$ref === '#/$defs/country' ? Object.assign({ oneOf: schema.$defs.country.oneOf }, prop, { country: true }) : prop;
  }

  // The rule under which a field is asked for, from `if`/`then` (e.g. ICU only after hospitalised).
  function conditions(obj) {
    var out = {};
    (obj.allOf || []).forEach(function (rule) {
      if (!rule['if'] || !rule.then || !rule['if'].properties) return;
      var sibling = Object.keys(rule['if'].properties)[0];
      (rule.then.required || []).forEach(function (name) { out[name] = { sibling: sibling, test: rule['if'].properties[sibling] }; });
    });
    return out;
  }
  function holds(test, value) {
    if ('const' in test) return value === test['const'];
    if (test.contains) return Array.isArray(value) && value.indexOf(test.contains['const']) >= 0;
    return value !== undefined;
  }

  function objectControl(schema, obj, pointer, parent, depth) {
    var names = (obj['x-order'] || Object.keys(obj.properties || {})).filter(function (n) {
      // Input-only fields (identifying, or replaced by another) and those the registry fills in are not asked.
      return obj.properties[n] && !obj.properties[n].writeOnly && !obj.properties[n]['x-set-by-registry'];
    });
    var required = (obj.required || []).slice();
    // "age unless date of birth": the page never asks for a date of birth, so the age is required.
    (obj.allOf || []).forEach(function (rule) {
      (rule.anyOf || []).forEach(function (alt) {
        (alt.required || []).forEach(function (n) { if (names.indexOf(n) >= 0 && obj.properties[n] && !obj.properties[n].writeOnly) required.push(n); });
      });
    });
    var conds = conditions(obj);
    var children = names.map(function (name) {
      var prop = resolve(schema, obj.properties[name]);
      var cond = conds[name] && names.indexOf(conds[name].sibling) >= 0 ? conds[name] : null;
      var ctrl = control(schema, prop, pointer + '/' + name, parent, depth, required.indexOf(name) >= 0 || !!cond);
      return { name: name, ctrl: ctrl, cond: cond };
    });
    var ctrl = {
      children: children,
      get: function () {
        var out = {};
        children.forEach(function (c) {
          if (c.ctrl.wrap.hidden) return;
          var v = c.ctrl.get();
          if (v !== undefined) out[c.name] = v;
        });
        return Object.keys(out).length ? out : undefined;
      },
      set: function (v) {
        children.forEach(function (c) { c.ctrl.set(v && typeof v === 'object' ? v[c.name] : undefined); });
      },
      refresh: function () {
        children.forEach(function (c) {
          if (c.cond) {
            var sib = children.filter(function (s) { return s.name === c.cond.sibling; })[0];
            c.ctrl.wrap.hidden = !holds(c.cond.test, sib.ctrl.get());
          }
          if (c.ctrl.refresh) c.ctrl.refresh();
        });
      }
    };
    byPointer.set(pointer, ctrl);
    return ctrl;
  }

  function labelText(prop, required) {
    var nodes = [prop.title || ''];
    if (required) {
      nodes.push(el('span', { class: 'req', 'aria-hidden': 'true', text: '*' }));
      nodes.push(el('span', { class: 'visually-hidden', text: ' ' + t('submit-required-suffix') }));
    }
    return nodes;
  }

  function control(schema, prop, pointer, parent, depth, required) {
    var ctrl;
    if (prop.type === 'object') {
      var fs = el('fieldset', { class: depth === 0 ? 'section' : 'group' }, [el('legend', {}, labelText(prop, required))]);
      if (prop['x-help']) fs.appendChild(el('p', { class: 'hint', text: prop['x-help'] }));
      var err = el('p', { class: 'error-text', id: nextId(pointer) + '-error', hidden: true });
      fs.appendChild(err);
      parent.appendChild(fs);
      ctrl = objectControl(schema, prop, pointer, fs, depth + 1);
      ctrl.wrap = fs;
      ctrl.errEl = err;
      return ctrl;
    }
    if (prop.type === 'array' && prop.items && prop.items.type === 'object') ctrl = arrayControl(schema, prop, pointer, parent, depth, required);
    else if (prop.type === 'array') ctrl = choiceControl(prop.items.oneOf, true, prop, pointer, parent, required);
    else if (prop.type === 'boolean') ctrl = choiceControl([{ 'const': true, title: t('submit-yes') }, { 'const': false, title: t('submit-no') }], false, prop, pointer, parent, required);
    else if (prop.oneOf && (prop.country || prop.oneOf.length > 6)) ctrl = selectControl(prop, pointer, parent, required);
    else if (prop.oneOf) ctrl = choiceControl(prop.oneOf, false, prop, pointer, parent, required);
    else ctrl = textControl(prop, pointer, parent, required);
    // A top-level field (comorbidities, notes) is a section of the form of its own.
    if (depth === 0) ctrl.wrap.classList.add('section');
    return ctrl;
  }

  // A labelled field: label, hint, error line, then the input. Returns the wrapper and the ids.
  function field(prop, pointer, parent, required) {
    var id = nextId(pointer);
    var wrap = el('div', { class: 'field' });
    wrap.appendChild(el('label', { for: id }, labelText(prop, required)));
    var described = [];
    if (prop['x-help']) { wrap.appendChild(el('p', { class: 'hint', id: id + '-hint', text: prop['x-help'] })); described.push(id + '-hint'); }
    var err = el('p', { class: 'error-text', id: id + '-error', hidden: true });
    wrap.appendChild(err);
    parent.appendChild(wrap);
    return { id: id, wrap: wrap, err: err, described: described };
  }

  function textControl(prop, pointer, parent, required) {
    var f = field(prop, pointer, parent, required);
    var numeric = prop.type === 'integer' || prop.type === 'number';
    var long = prop['x-scrubbed'] && (prop.maxLength || 0) > 200;
    var input;
    if (long) {
      var warn = el('p', { class: 'scrub-warning', id: f.id + '-warn', text: t('submit-scrub-warning') });
      f.wrap.insertBefore(warn, f.err);
      f.described.push(f.id + '-warn');
      input = el('textarea', { id: f.id, rows: '6', maxlength: String(prop.maxLength), spellcheck: 'true' });
    } else {
      input = el('input', { id: f.id, type: 'text', inputmode: numeric ? (prop.type === 'integer' ? 'numeric' : 'decimal') : null, class: numeric ? 'short' : null, autocomplete: 'off', maxlength: prop.maxLength ? String(prop.maxLength) : null });
    }
    if (f.described.length) input.setAttribute('aria-describedby', f.described.join(' '));
    if (required) input.setAttribute('aria-required', 'true');
    f.wrap.appendChild(input);
    var ctrl = {
      wrap: f.wrap, errEl: f.err, focusEl: input, input: input, scrubbed: !!prop['x-scrubbed'], pointer: pointer, described: f.described,
      get: function () {
        var s = input.value.trim();
        if (!s) return undefined;
        if (numeric) {
          var n = s.replace(',', '.');
          return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : s; // not a number: the service says so
        }
        return prop['x-scrubbed'] ? input.value : s;
      },
      set: function (v) { input.value = v == null ? '' : String(v); }
    };
    byPointer.set(pointer, ctrl);
    return ctrl;
  }

  function selectControl(prop, pointer, parent, required) {
    var f = field(prop, pointer, parent, required);
    var select = el('select', { id: f.id });
    select.appendChild(el('option', { value: '', text: t('submit-choose') }));
    var options = prop.oneOf.slice();
    if (prop.country) options.sort(function (a, b) { return a.title.localeCompare(b.title, LANG); });
    options.forEach(function (o) { select.appendChild(el('option', { value: o['const'], text: prop.country ? o.title + ' (' + o['const'] + ')' : o.title })); });
    if (f.described.length) select.setAttribute('aria-describedby', f.described.join(' '));
    if (required) select.setAttribute('aria-required', 'true');
    f.wrap.appendChild(select);
    var ctrl = {
      wrap: f.wrap, errEl: f.err, focusEl: select, input: select, described: f.described,
      get: function () { return select.value || undefined; },
      set: function (v) { select.value = v == null ? '' : String(v); }
    };
    byPointer.set(pointer, ctrl);
    return ctrl;
  }

  // Radio buttons (one value) or checkboxes (several), in a fieldset whose legend is the label.
  function choiceControl(options, many, prop, pointer, parent, required) {
    var id = nextId(pointer);
    var fs = el('fieldset', { class: 'field', id: id + '-set' }, [el('legend', {}, labelText(prop, required))]);
    var described = [];
    if (prop['x-help']) { fs.appendChild(el('p', { class: 'hint', id: id + '-hint', text: prop['x-help'] })); described.push(id + '-hint'); }
    var err = el('p', { class: 'error-text', id: id + '-error', hidden: true });
    fs.appendChild(err);
    if (described.length) fs.setAttribute('aria-describedby', described.join(' '));
    var box = el('div', { class: 'choices' + (options.length > 4 ? ' stack' : '') });
    var inputs = options.map(function (o) {
      var input = el('input', { type: many ? 'checkbox' : 'radio', name: id, id: optionId(id, o['const']), value: JSON.stringify(o['const']) });
      box.appendChild(el('label', { class: 'choice', for: input.id }, [input, o.title]));
      return input;
    });
    fs.appendChild(box);
    parent.appendChild(fs);
    var ctrl = {
      wrap: fs, errEl: err, focusEl: inputs[0], inputs: inputs, described: described,
      get: function () {
        var values = inputs.filter(function (i) { return i.checked; }).map(function (i) { return JSON.parse(i.value); });
        return many ? (values.length ? values : undefined) : values[0];
      },
      set: function (v) {
        var wanted = many ? (Array.isArray(v) ? v : []) : [v];
        inputs.forEach(function (i) { i.checked = wanted.some(function (w) { return JSON.stringify(w) === i.value; }); });
      }
    };
    byPointer.set(pointer, ctrl);
    return ctrl;
  }

  // A repeatable group (treatments, skin manifestations): add and remove entries.
  function arrayControl(schema, prop, pointer, parent, depth, required) {
    var name = ITEM_NAMES[pointer.split('/').pop()] || t('submit-item');
    var fs = el('fieldset', { class: depth === 0 ? 'section' : 'group' }, [el('legend', {}, labelText(prop, required))]);
    if (prop['x-help']) fs.appendChild(el('p', { class: 'hint', text: prop['x-help'] }));
    var err = el('p', { class: 'error-text', id: nextId(pointer) + '-error', hidden: true });
    fs.appendChild(err);
    var list = el('div', { class: 'items' });
    var add = el('button', { type: 'button', class: 'button secondary small', text: t('submit-add', { item: name }) });
    fs.appendChild(list);
    fs.appendChild(add);
    parent.appendChild(fs);
    var items = [];
    function render(values) {
      byPointer.forEach(function (_, p) { if (p.indexOf(pointer + '/') === 0) byPointer.delete(p); });
      clear(list);
      items = values.map(function (v, i) {
        var item = el('fieldset', { class: 'item' }, [el('legend', { text: t('submit-item-number', { item: name, number: i + 1 }) })]);
        list.appendChild(item);
        var c = objectControl(schema, prop.items, pointer + '/' + i, item, depth + 1);
        c.wrap = item;
        var remove = el('button', { type: 'button', class: 'button secondary small', text: t('submit-remove', { item: name, number: i + 1 }) });
        remove.addEventListener('click', function () {
          var vals = items.map(function (it) { return it.get() || {}; });
          vals.splice(i, 1);
          render(vals);
          changed();
          add.focus();
        });
        item.appendChild(el('div', { class: 'actions' }, [remove]));
        c.set(v);
        return c;
      });
      ctrl.refresh();
    }
    var ctrl = {
      wrap: fs, errEl: err, focusEl: add,
      get: function () {
        var values = items.map(function (it) { return it.get(); }).filter(function (v) { return v !== undefined; });
        return values.length ? values : undefined;
      },
      set: function (v) { render(Array.isArray(v) ? v : []); },
      refresh: function () { items.forEach(function (it) { it.refresh(); }); }
    };
    add.addEventListener('click', function () {
      var vals = items.map(function (it) { return it.get() || {}; });
      vals.push({});
      render(vals);
      changed();
      var first = list.lastChild && list.lastChild.querySelector('input, select, textarea');
      if (first) first.focus();
    });
    byPointer.set(pointer, ctrl);
    return ctrl;
  }

  function refresh() { if (root) root.refresh(); }

  // ---- Draft --------------------------------------------------------------------------------------
  // The draft never holds free text the service would change: only the de-identified version a check
  // returned, and only while the field still reads what was checked.
  function draftForm() {
    var form = root.get() || {};
    byPointer.forEach(function (c, p) {
      if (!c.scrubbed) return;
      var d = deidentified.get(p);
      var raw = c.wrap.hidden ? undefined : c.get();
      var keep = raw !== undefined && d && d.raw === raw ? d.stored : undefined;
      setAt(form, p, keep);
    });
    return form;
  }
  function setAt(obj, pointer, value) {
    var parts = pointer.split('/').slice(1);
    var last = parts.pop();
    var at = obj;
    for (var i = 0; i < parts.length; i++) { if (at == null) return; at = at[parts[i]]; }
    if (at == null || typeof at !== 'object') return;
    if (value === undefined) delete at[last]; else at[last] = value;
  }
  function saveDraft() {
    if (!root || correcting) return;
    var kept = [];
    deidentified.forEach(function (d, p) { kept.push([p, d.stored]); });
    store(DRAFT_KEY, { registry: registry, form: draftForm(), deidentified: kept });
  }
  function changed() {
    refresh();
    saveDraft();
    if (checked && JSON.stringify(root.get() || {}) !== checked.form) {
      $('preview').hidden = true;
      checked = null;
    }
  }

  // ---- Errors -------------------------------------------------------------------------------------
  function hideErrors() {
    $('error-summary').hidden = true;
    clear($('error-list'));
    document.querySelectorAll('.has-error').forEach(function (n) { n.classList.remove('has-error'); });
    document.querySelectorAll('#fields .error-text').forEach(function (n) { n.hidden = true; n.textContent = ''; });
    document.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
    document.querySelectorAll('[data-error-described]').forEach(function (n) {
      n.setAttribute('aria-describedby', n.getAttribute('data-error-described'));
      n.removeAttribute('data-error-described');
    });
  }
  // The control a pointer names, or the nearest shown one above it.
  function controlFor(pointer) {
    var p = pointer;
    while (p !== '') {
      var c = byPointer.get(p);
      if (c && c.wrap && !c.wrap.hidden) return c;
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }
  function showErrors(errors) {
    hideErrors();
    var list = $('error-list');
    errors.forEach(function (e) {
      var c = controlFor(e.pointer || '');
      var target = c && c.focusEl;
      if (c) {
        c.wrap.classList.add('has-error');
        c.errEl.hidden = false;
        c.errEl.textContent = c.errEl.textContent ? c.errEl.textContent + ' ' + e.detail : e.detail;
        (c.inputs || (c.input ? [c.input] : [])).forEach(function (i) {
          i.setAttribute('aria-invalid', 'true');
          if (!i.hasAttribute('data-error-described')) i.setAttribute('data-error-described', i.getAttribute('aria-describedby') || '');
          i.setAttribute('aria-describedby', (c.errEl.id + ' ' + (i.getAttribute('data-error-described') || '')).trim());
        });
      }
      var link = el('a', { href: '#' + (target ? target.id : 'fields'), text: e.detail });
      link.addEventListener('click', function (ev) {
        ev.preventDefault();
        if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); }
      });
      list.appendChild(el('li', {}, [link]));
    });
    $('error-summary').hidden = false;
    $('error-summary').focus();
  }

  // ---- Check, preview, submit ---------------------------------------------------------------------
  function check(ev) {
    ev.preventDefault();
    var form = root.get() || {};
    var text = JSON.stringify(form);
    status(t('submit-checking'));
    api('POST', '/v1/registries/' + encodeURIComponent(registry) + '/cases:validate', form).then(function (r) {
      status('');
      if (r.status === 422 && r.body && r.body.errors) {
        $('preview').hidden = true;
        showErrors(r.body.errors);
        return;
      }
      if (!r.ok) { if (r.status !== 401) status(failure(r)); return; }
      hideErrors();
      checked = { form: text, answer: r.body, key: (checked && checked.form === text && checked.key) || randomKey() };
      byPointer.forEach(function (c, p) {
        if (!c.scrubbed) return;
        var raw = c.wrap.hidden ? undefined : c.get();
        var stored = valueAt(r.body.form, p);
        if (raw !== undefined && typeof stored === 'string') deidentified.set(p, { raw: raw, stored: stored }); else deidentified.delete(p);
      });
      saveDraft();
      renderPreview();
    });
  }
  function valueAt(obj, pointer) {
    return pointer.split('/').slice(1).reduce(function (at, k) { return at == null ? undefined : at[k]; }, obj);
  }
  function renderPreview() {
    var body = $('preview-body');
    clear(body);
    var answer = checked.answer;
    var notes = byPointer.get('/notes');
    if (notes && answer.form.notes !== undefined) {
      body.appendChild(el('h3', { text: t('submit-notes-will-be') }));
      body.appendChild(markedText(answer.form.notes));
    }
    body.appendChild(el('h3', { text: t('submit-removed-will-be') }));
    body.appendChild(reportList(answer.deidentification, schemas[registry]));
    body.appendChild(el('h3', { text: t('submit-case-will-be') }));
    body.appendChild(storedList(answer.form, schemas[registry]));
    $('send').textContent = correcting ? t('submit-save-correction') : t('submit-send');
    $('preview').hidden = false;
    $('preview').focus();
  }
  function markedText(text) {
    var box = el('div', { class: 'stored-notes', id: 'stored-notes' });
    text.split(/(\[[A-Z_]+\])/).forEach(function (part) {
      if (/^\[[A-Z_]+\]$/.test(part)) box.appendChild(el('mark', { class: 'placeholder', text: part }));
      else if (part) box.appendChild(document.createTextNode(part));
    });
    return box;
  }
  function titleAt(schema, pointer) {
    var at = schema;
    var titles = [];
    pointer.split('/').slice(1).forEach(function (k) {
      if (!at) return;
      if (/^\d+$/.test(k) && at.items) { at = at.items; titles.push(t('submit-entry-number', { number: Number(k) + 1 })); return; }
      at = at.properties && at.properties[k];
      if (at) titles.push(at.title || k);
    });
    return titles.join(' › ') || t('submit-the-form');
  }
  function reportList(report, schema) {
    var ul = el('ul', { class: 'report' });
    (report.removed || []).forEach(function (p) { ul.appendChild(el('li', { text: t('submit-removed', { field: titleAt(schema, p) }) })); });
    (report.generalised || []).forEach(function (g) { ul.appendChild(el('li', { text: t('submit-generalised', { from: titleAt(schema, g.from), to: titleAt(schema, g.to) }) })); });
    // A note in a script no language pack of the scrubber reads is not stored: say why, here.
    (report.unreadable || []).forEach(function (p) { ul.appendChild(el('li', { class: 'not-stored', text: t('submit-not-stored', { field: titleAt(schema, p), reason: t('free-text-unreadable') }) })); });
    (report.placeholders || []).forEach(function (p) {
      if (!p.total) return;
      // Each kind as the placeholder the text shows (language-free, like the text itself).
      var kinds = Object.keys(p.by_kind || {}).map(function (k) { return '[' + k.toUpperCase() + '] ' + p.by_kind[k]; }).join(', ');
      ul.appendChild(el('li', { text: t('submit-placeholders', { field: titleAt(schema, p.pointer), kinds: kinds }) }));
    });
    if (!ul.firstChild) ul.appendChild(el('li', { text: t('submit-nothing-removed') }));
    return ul;
  }
  // Every stored value with its label, in the form's order.
  function storedList(form, schema) {
    var dl = el('dl', { class: 'stored' });
    function walk(value, prop, pointer) {
      if (value === undefined || value === null) return;
      if (prop && prop.$ref === '#/$defs/country') prop = Object.assign({ oneOf: schema.$defs.country.oneOf }, prop);
      if (Array.isArray(value) && prop && prop.items && prop.items.type === 'object') {
        value.forEach(function (v, i) { walk(v, prop.items, pointer + '/' + i); });
        return;
      }
      if (typeof value === 'object' && !Array.isArray(value)) {
        var order = (prop && prop['x-order']) || Object.keys(value);
        order.forEach(function (k) { walk(value[k], prop && prop.properties && prop.properties[k], pointer + '/' + k); });
        return;
      }
      dl.appendChild(el('dt', { text: titleAt(schema, pointer) }));
      dl.appendChild(el('dd', { text: display(value, prop) }));
    }
    walk(form, schema, '');
    return dl;
  }
  function display(value, prop) {
    var options = prop && (prop.oneOf || (prop.items && prop.items.oneOf));
    function one(v) {
      var o = options && options.filter(function (x) { return x['const'] === v; })[0];
      if (o) return o.title;
      if (v === true) return t('submit-yes');
      if (v === false) return t('submit-no');
      return String(v);
    }
    return Array.isArray(value) ? value.map(one).join(', ') : one(value);
  }

  function send() {
    if (!checked) return;
    var form = JSON.parse(checked.form);
    var request = correcting
      ? api('PATCH', '/v1/cases/' + encodeURIComponent(correcting.id), mergePatch(correcting.original, form), { 'If-Match': correcting.etag })
      : api('POST', '/v1/registries/' + encodeURIComponent(registry) + '/cases', form, { 'Idempotency-Key': checked.key });
    $('send').disabled = true;
    status(correcting ? t('submit-saving') : t('submit-submitting'));
    request.then(function (r) {
      $('send').disabled = false;
      status('');
      if (r.status === 422 && r.body && r.body.errors) { $('preview').hidden = true; showErrors(r.body.errors); return; }
      if (r.status === 412) { status(t('submit-changed-since')); return; }
      if (!r.ok) { if (r.status !== 401) status(failure(r)); return; }
      var wasCorrection = !!correcting;
      if (wasCorrection) {
        cancelCorrection(); // back to the new-case draft, which a correction leaves alone
      } else {
        store(DRAFT_KEY, null);
        deidentified = new Map();
        renderForm(schemas[registry]);
      }
      confirmation(r.body, wasCorrection);
    });
  }
  // RFC 7396: what turns `from` into `to`.
  function mergePatch(from, to) {
    if (!from || typeof from !== 'object' || Array.isArray(from) || !to || typeof to !== 'object' || Array.isArray(to)) return to;
    var patch = {};
    Object.keys(from).forEach(function (k) { if (!(k in to)) patch[k] = null; });
    Object.keys(to).forEach(function (k) {
      if (JSON.stringify(from[k]) === JSON.stringify(to[k])) return;
      patch[k] = k in from ? mergePatch(from[k], to[k]) : to[k];
    });
    return patch;
  }
  function confirmation(c, wasCorrection) {
    var body = $('confirmation-body');
    clear(body);
    $('confirmation-h').textContent = wasCorrection ? t('submit-correction-saved') : t('submit-stored');
    body.appendChild(el('p', { class: 'status', text: t(wasCorrection ? 'submit-correction-stored-in' : 'submit-stored-in', { registry: registryTitle(c.registry), reference: c.id }) }));
    body.appendChild(el('h3', { text: t('submit-removed-was') }));
    body.appendChild(reportList(c.deidentification || {}, schemas[c.registry]));
    if (c.form && c.form.notes !== undefined) {
      body.appendChild(el('h3', { text: t('submit-notes-stored') }));
      body.appendChild(markedText(c.form.notes));
    }
    body.appendChild(el('h3', { text: t('submit-stored-case') }));
    body.appendChild(storedList(c.form || {}, schemas[c.registry]));
    showView('confirmation');
    $('confirmation').focus();
  }

  // ---- My cases -----------------------------------------------------------------------------------
  function showCases() {
    showView('cases');
    $('case-detail').hidden = true;
    var body = $('cases-body');
    clear(body);
    body.appendChild(el('p', { text: t('submit-loading-cases') }));
    api('GET', '/v1/cases?limit=100').then(function (r) {
      clear(body);
      if (!r.ok) { body.appendChild(el('p', { text: failure(r) })); return; }
      var items = r.body.items.slice().reverse();
      if (!items.length) { body.appendChild(el('p', { text: t('submit-no-cases') })); return; }
      var tbody = el('tbody');
      items.forEach(function (c) {
        var open = el('button', { type: 'button', id: 'open-case-' + tbody.children.length, class: 'button secondary small', text: t('submit-open'), 'aria-label': t('submit-open-case', { when: when(c.created_at) }) });
        open.addEventListener('click', function () { openCase(c.id); });
        tbody.appendChild(el('tr', {}, [
          el('td', { text: when(c.created_at) }),
          el('td', { text: registryTitle(c.registry) }),
          el('td', { text: c.form && c.form.covid ? c.form.covid.diagnosis_date : '' }),
          el('td', {}, [el('span', { class: 'badge' + (c.status === 'withdrawn' ? ' withdrawn' : ''), text: c.status === 'withdrawn' ? t('submit-withdrawn') : t('submit-active') })]),
          el('td', {}, [open])
        ]));
      });
      var table = el('table', {}, [
        el('caption', { class: 'visually-hidden', text: t('submit-cases-caption') }),
        el('thead', {}, [el('tr', {}, ['submit-col-entered', 'submit-col-registry', 'submit-col-diagnosis', 'submit-col-status', 'submit-col-actions'].map(function (h) { return el('th', { scope: 'col', text: t(h) }); }))]),
        tbody
      ]);
      body.appendChild(el('div', { class: 'table-wrap', role: 'region', 'aria-label': t('submit-cases-table'), tabindex: '0' }, [table]));
      if (r.body.next) body.appendChild(el('p', { class: 'hint', text: t('submit-first-100') }));
    });
  }
  // A time as the page's language writes it (the browser's CLDR data), in UTC like the service.
  function when(at) {
    if (!at) return '';
    try { return new Intl.DateTimeFormat(LANG, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(at)) + ' UTC'; } catch (e) { return at.slice(0, 16).replace('T', ' ') + ' UTC'; }
  }
  function openCase(id) {
    api('GET', '/v1/cases/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) { status(failure(r)); return; }
      var c = r.body;
      schemaOf(c.registry).then(function (schema) {
        var panel = $('case-detail');
        var body = $('case-detail-body');
        clear(body);
        $('case-detail-h').textContent = t('submit-case-entered', { when: when(c.created_at) });
        body.appendChild(el('p', { text: t('submit-reference', { registry: registryTitle(c.registry), reference: c.id }) }));
        if (c.status === 'withdrawn') {
          body.appendChild(el('p', { class: 'notice', text: t('submit-withdrawn-at', { when: when(c.withdrawal && c.withdrawal.at) }) }));
        } else {
          body.appendChild(storedList(c.form, schema));
          var correct = el('button', { type: 'button', id: 'correct-case', class: 'button', text: t('submit-correct') });
          correct.addEventListener('click', function () { startCorrection(c, r.etag); });
          body.appendChild(el('div', { class: 'actions' }, [correct]));
          body.appendChild(withdrawForm(c, r.etag));
        }
        panel.hidden = false;
        panel.focus();
      });
    });
  }
  function withdrawForm(c, etag) {
    var fs = el('fieldset', { class: 'field' }, [el('legend', { text: t('submit-withdraw-legend') }),
      el('p', { class: 'hint', text: t('submit-withdraw-hint') })]);
    var box = el('div', { class: 'choices stack' });
    WITHDRAWAL_REASONS.forEach(function (w, i) {
      var input = el('input', { type: 'radio', name: 'withdraw-reason', id: 'withdraw-' + i, value: w[0], checked: i === 0 });
      box.appendChild(el('label', { class: 'choice', for: 'withdraw-' + i }, [input, w[1]]));
    });
    fs.appendChild(box);
    var button = el('button', { type: 'button', id: 'withdraw-case', class: 'button danger', text: t('submit-withdraw') });
    button.addEventListener('click', function () {
      var reason = fs.querySelector('input[name=withdraw-reason]:checked').value;
      api('DELETE', '/v1/cases/' + encodeURIComponent(c.id) + '?reason=' + encodeURIComponent(reason), undefined, { 'If-Match': etag }).then(function (r) {
        if (r.status === 412) { status(t('submit-changed-reopen')); return; }
        if (!r.ok) { status(failure(r)); return; }
        status(t('submit-is-withdrawn'));
        showCases();
      });
    });
    fs.appendChild(el('div', { class: 'actions' }, [button]));
    return fs;
  }
  function startCorrection(c, etag) {
    correcting = { id: c.id, etag: etag, original: c.form };
    $('registry').value = c.registry;
    $('registry').disabled = true;
    showView('entry');
    loadForm(c.registry, null).then(function () {
      root.set(c.form);
      refresh();
      var note = $('correcting');
      clear(note);
      note.appendChild(document.createTextNode(t('submit-correcting', { when: when(c.created_at) }) + ' '));
      var cancel = el('button', { type: 'button', class: 'button secondary small', text: t('submit-cancel-correction') });
      cancel.addEventListener('click', cancelCorrection);
      note.appendChild(cancel);
      note.hidden = false;
      $('entry-h').textContent = t('submit-correct-heading');
      $('entry-h').focus();
    });
  }
  function cancelCorrection() {
    correcting = null;
    $('correcting').hidden = true;
    $('registry').disabled = false;
    $('entry-h').textContent = t('submit-new-case');
    var draft = load(DRAFT_KEY);
    loadForm($('registry').value, draft && draft.registry === $('registry').value ? draft : null);
  }

  // ---- Wiring -------------------------------------------------------------------------------------
  function init() {
    $('entry-h').setAttribute('tabindex', '-1');
    $('signin-form').addEventListener('submit', signIn);
    $('signout').addEventListener('click', signOut);
    $('case-form').addEventListener('submit', check);
    $('case-form').addEventListener('input', changed);
    $('case-form').addEventListener('change', changed);
    $('send').addEventListener('click', send);
    $('back-to-form').addEventListener('click', function () {
      var first = $('fields').querySelector('input, select, textarea');
      if (first) first.focus();
    });
    $('clear-draft').addEventListener('click', function () {
      store(DRAFT_KEY, null);
      deidentified = new Map();
      renderForm(schemas[registry]);
      status(t('submit-cleared'));
    });
    $('registry').addEventListener('change', function () {
      saveDraft();
      var draft = load(DRAFT_KEY);
      loadForm($('registry').value, draft && draft.registry === $('registry').value ? draft : null);
    });
    $('show-entry').addEventListener('click', function () { showView('entry'); $('entry-h').focus(); });
    $('show-cases').addEventListener('click', showCases);
    $('new-case').addEventListener('click', function () { showView('entry'); $('entry-h').focus(); });
    $('to-cases').addEventListener('click', showCases);
    session = load(SESSION_KEY);
    if (session && !(session.expires > Date.now())) { session = null; store(SESSION_KEY, null); }
    if (session) openWorkspace(); else startSignIn();
  }
  init();
}());
