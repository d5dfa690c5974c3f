// The live parts of the pages: maintenance countdown and banners, the R9 notice, sign-in, sign-out, activation.
// Plain script, no framework. Server data comes from <script id="page-data" type="application/json">.
(function () {
  'use strict';

  var dataElement = document.getElementById('page-data');
  var page = dataElement ? JSON.parse(dataElement.textContent) : {};
  var strings = page.strings || {};
  var POLL_MS = page.pollMs || 5000;
  var URGENT_SECONDS = 300;

  function text(key, vars) {
    var value = strings[key] || key;
    return value.replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && name in vars ? String(vars[name]) : whole;
    });
  }

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function setText(selector, value) {
    all(selector).forEach(function (element) {
      if (element.textContent !== value) element.textContent = value;
    });
  }

  function formatInstant(iso) {
    return new Intl.DateTimeFormat(page.lang === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone: page.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(iso));
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function formatCountdown(seconds) {
    var s = Math.max(0, seconds);
    var days = Math.floor(s / 86400);
    var clock = pad(Math.floor((s % 86400) / 3600)) + ':' + pad(Math.floor((s % 3600) / 60)) + ':' + pad(s % 60);
    return days > 0 ? text('js.days', { d: days }) + ' ' + clock : clock;
  }

  function sendJson(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (page.csrfToken) headers['X-CSRF-Token'] = page.csrfToken;
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  // ---- Maintenance status -------------------------------------------------------------------------------
  // The start is kept as a point on the browser's monotonic clock, computed from what the server says is left
  // (its own clock), so a wrong browser clock does not move the countdown.
  var status = null;
  var startMono = null;
  var startTimer = null;
  var lastShownSeconds = null;
  var announced = false;
  var noticeShownFor = null;
  var leaving = false;

  function secondsLeft() {
    if (startMono === null) return null;
    return Math.max(0, Math.ceil((startMono - performance.now()) / 1000));
  }

  function refresh() {
    var sentAt = performance.now();
    return fetch('/api/maintenance/status', { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) return null;
        return response.json().then(function (body) {
          applyStatus(body, sentAt, performance.now());
        });
      })
      .catch(function () {
        // Offline or restarting: the next poll tries again.
      });
  }

  function applyStatus(next, sentAt, receivedAt) {
    var previous = status;
    status = next;
    if (next.state === 'scheduled') {
      var msUntil =
        typeof next.now === 'string'
          ? Date.parse(next.startsAt) - Date.parse(next.now)
          : Number(next.secondsUntilStart) * 1000;
      startMono = (sentAt + receivedAt) / 2 + msUntil;
    } else {
      startMono = null;
    }
    if (!previous || previous.startsAt !== next.startsAt) {
      announced = false;
      lastShownSeconds = null;
    }
    render();
    aimAtStart();
    if (page.audience === 'regular') {
      if (next.state === 'active' && page.page !== 'maintenance') return leave();
      showNoticeIfDue();
    }
    if (page.page === 'maintenance' && page.active && next.state !== 'active') returnFromMaintenance();
  }

  /** A regular user's open page moves to the maintenance page on its own once downtime starts. */
  function leave() {
    if (leaving) return;
    leaving = true;
    saveDrafts(false);
    window.location.assign('/maintenance');
  }

  // ---- Back where you were -------------------------------------------------------------------------------
  // Each tab remembers its last page; the maintenance page sends the user back there once the window is off.
  var RETURN_KEY = 'maintenance:return';

  function rememberPage() {
    if (page.audience !== 'regular' || page.page === 'maintenance') return;
    try {
      sessionStorage.setItem(RETURN_KEY, window.location.pathname + window.location.search);
    } catch (e) {
      // Storage off: the maintenance page reloads instead.
    }
  }

  function returnFromMaintenance() {
    var target = null;
    try {
      target = sessionStorage.getItem(RETURN_KEY);
      sessionStorage.removeItem(RETURN_KEY);
    } catch (e) {
      target = null;
    }
    if (target) window.location.assign(safeNext(target));
    else window.location.reload();
  }

  // ---- Drafts ----------------------------------------------------------------------------------------------
  // What a user typed into a form marked data-draft and did not save is kept in this browser only (never sent
  // anywhere), per user and form, when the page moves to /maintenance, when a submit is refused, and when the tab
  // closes in the last minutes before the start. It is offered back afterwards; it expires a day after the window.
  var DRAFT_PREFIX = 'draft:' + (page.userKey || '') + ':';
  var DAY_MS = 86400000;
  var dirtyForms = [];
  var draftWarned = false;

  function draftForms() {
    return page.userKey ? all('form[data-draft]') : [];
  }

  function draftKey(form) {
    return DRAFT_PREFIX + form.getAttribute('data-draft');
  }

  function readDraft(key) {
    try {
      var draft = JSON.parse(localStorage.getItem(key) || 'null');
      if (draft && Date.parse(draft.expiresAt) > Date.now()) return draft;
      localStorage.removeItem(key);
    } catch (e) {
      // Unreadable or storage off: nothing to offer.
    }
    return null;
  }

  function fieldsOf(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.name === '_csrf' || element.type === 'hidden' || element.type === 'submit') return;
      fields[element.name] = element.value;
    });
    return fields;
  }

  function draftExpiry() {
    var end = status && (status.expectedEndAt || status.startsAt);
    return new Date((end ? Date.parse(end) : Date.now()) + DAY_MS).toISOString();
  }

  /** Keeps every changed form; `pending` marks a submit whose outcome the next page tells. */
  function saveDrafts(pending) {
    dirtyForms.forEach(function (form) {
      try {
        localStorage.setItem(
          draftKey(form),
          JSON.stringify({ savedAt: new Date().toISOString(), expiresAt: draftExpiry(), fields: fieldsOf(form), pending: pending }),
        );
      } catch (e) {
        // Storage full or off: nothing kept.
      }
    });
  }

  function clearDrafts() {
    try {
      Object.keys(localStorage).forEach(function (key) {
        if (key.indexOf(DRAFT_PREFIX) === 0) localStorage.removeItem(key);
      });
    } catch (e) {
      // Storage off: nothing was kept.
    }
  }

  /** A submitted draft: refused (the maintenance page, or a page answered with an error) keeps it; saved clears it. */
  function settlePendingDrafts() {
    var navigation = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    var refused = page.page === 'maintenance' || (navigation && navigation.responseStatus >= 400);
    try {
      Object.keys(localStorage).forEach(function (key) {
        if (key.indexOf(DRAFT_PREFIX) !== 0) return;
        var draft = readDraft(key);
        if (!draft || !draft.pending) return;
        if (!refused) return localStorage.removeItem(key);
        draft.pending = false;
        localStorage.setItem(key, JSON.stringify(draft));
      });
    } catch (e) {
      // Storage off: nothing was kept.
    }
  }

  /** "31 December, 17:58" in the platform's zone (date and time apart: joined, Intl would say "at"). */
  function formatSavedAt(iso) {
    var locale = page.lang === 'nl' ? 'nl-NL' : 'en-GB';
    var instant = new Date(iso);
    var date = new Intl.DateTimeFormat(locale, { timeZone: page.timeZone, day: 'numeric', month: 'long' });
    var time = new Intl.DateTimeFormat(locale, { timeZone: page.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return date.format(instant) + ', ' + time.format(instant);
  }

  function button(label, secondary) {
    var element = document.createElement('button');
    element.type = 'button';
    element.className = secondary ? 'button secondary' : 'button';
    element.textContent = label;
    return element;
  }

  /** "You had unsaved changes from …  Restore / Discard" above a form with a kept draft. Restoring only fills the form. */
  function offerDraft(form) {
    var key = draftKey(form);
    var draft = readDraft(key);
    if (!draft || draft.pending) return;
    var offer = document.createElement('div');
    offer.className = 'draft-offer';
    offer.setAttribute('role', 'status');
    var message = document.createElement('p');
    message.textContent = text('js.draft.offer', { when: formatSavedAt(draft.savedAt) });
    var restore = button(text('js.draft.restore'));
    var discard = button(text('js.draft.discard'), true);
    offer.appendChild(message);
    offer.appendChild(restore);
    offer.appendChild(discard);
    form.parentNode.insertBefore(offer, form);
    restore.addEventListener('click', function () {
      Object.keys(draft.fields).forEach(function (name) {
        var element = form.elements.namedItem(name);
        if (element && 'value' in element) element.value = draft.fields[name];
      });
      markDirty(form);
      offer.remove();
      var first = form.querySelector('input:not([type=hidden]), textarea, select');
      if (first) first.focus();
    });
    discard.addEventListener('click', function () {
      localStorage.removeItem(key);
      offer.remove();
    });
  }

  function markDirty(form) {
    if (dirtyForms.indexOf(form) < 0) dirtyForms.push(form);
  }

  function setUpDrafts() {
    if (!page.userKey) return;
    settlePendingDrafts();
    draftForms().forEach(function (form) {
      if (page.page !== 'maintenance') offerDraft(form);
      form.addEventListener('input', function () {
        markDirty(form);
      });
      form.addEventListener('change', function () {
        markDirty(form);
      });
      form.addEventListener('submit', function () {
        // Kept until the next page says the save went through.
        if (dirtyForms.indexOf(form) >= 0) saveDrafts(true);
        dirtyForms = [];
      });
    });
    window.addEventListener('pagehide', function () {
      var seconds = secondsLeft();
      if (dirtyForms.length && seconds !== null && seconds <= URGENT_SECONDS) saveDrafts(false);
    });
  }

  /** Once, in the last minutes: a page with unsaved changes says so next to the countdown. */
  function warnAboutDrafts(urgent) {
    var warning = $('#draft-warning');
    if (!warning || draftWarned || !urgent || !dirtyForms.length) return;
    draftWarned = true;
    warning.textContent = text('js.draft.warning');
  }

  /** A timer aimed at the start; when it fires the server is asked again (it, not the browser, decides). */
  function aimAtStart() {
    if (startTimer) clearTimeout(startTimer);
    startTimer = null;
    if (startMono === null) return;
    var delay = Math.max(500, startMono - performance.now() + 50);
    startTimer = setTimeout(refresh, delay);
  }

  function render() {
    var scheduled = status && status.state === 'scheduled';
    var active = status && status.state === 'active';
    var startsText = '';
    if (status && status.startsAt) {
      startsText = status.startsAt === page.startsAt && page.startsAtText ? page.startsAtText : formatInstant(status.startsAt);
    }
    setText('[data-starts-at]', startsText);
    setText('[data-since]', startsText);
    var countdown = $('#maint-countdown');
    if (countdown) countdown.hidden = !scheduled;
    var line = $('#maint-scheduled');
    if (line) line.hidden = !scheduled;
    var banner = $('#maint-active');
    if (banner) banner.hidden = !active;
    var forgotten = $('#maint-forgotten');
    if (forgotten) forgotten.hidden = !(active && status.activeTooLong);
    tick();
  }

  function tick() {
    var seconds = secondsLeft();
    if (seconds === null || seconds === lastShownSeconds) return;
    lastShownSeconds = seconds;
    setText('[data-countdown]', formatCountdown(seconds));
    var countdown = $('#maint-countdown');
    if (!countdown) return;
    var urgent = seconds <= URGENT_SECONDS;
    countdown.classList.toggle('urgent', urgent);
    var announcer = $('#maint-announce');
    if (urgent && !announced && announcer) {
      announced = true;
      announcer.textContent = text('js.urgent');
    }
    if (!urgent && announcer) announcer.textContent = '';
    warnAboutDrafts(urgent);
  }

  // ---- R9 notice -----------------------------------------------------------------------------------------
  function showNoticeIfDue() {
    var dialog = $('#maint-notice');
    if (!dialog || !status || !status.noticeDue || status.state !== 'scheduled') return;
    if (dialog.open || noticeShownFor === status.startsAt) return;
    noticeShownFor = status.startsAt;
    var message = $('[data-notice-message]', dialog);
    message.textContent = status.message || '';
    message.hidden = !status.message;
    dialog.showModal();
  }

  function setUpNotice() {
    var dialog = $('#maint-notice');
    if (!dialog) return;
    // Closing by the button or by Escape: remembered on the server, so other tabs and reloads skip it.
    dialog.addEventListener('close', function () {
      sendJson('POST', '/api/maintenance/notice/ack', status && status.startsAt ? { startsAt: status.startsAt } : undefined).catch(function () {});
    });
  }

  // ---- Forms that talk to the JSON API -------------------------------------------------------------------
  function showError(element, message, errors) {
    element.textContent = '';
    var p = document.createElement('p');
    p.textContent = message;
    element.appendChild(p);
    if (errors && errors.length) {
      var list = document.createElement('ul');
      errors.forEach(function (error) {
        var item = document.createElement('li');
        item.textContent = error.field + ': ' + error.reason;
        list.appendChild(item);
      });
      element.appendChild(list);
    }
    element.hidden = false;
  }

  function readProblem(response) {
    return response.json().catch(function () {
      return {};
    });
  }

  // The server's rule (pages.public.controller.ts): browsers drop whitespace and control
  // characters, so what is left must start with exactly one '/' not followed by '/' or '\'.
  function safeNext(value) {
    var path = String(value || '').replace(/[\s\u0000-\u001F\u007F]/g, '');
    return /^\/(?![/\\])/.test(path) ? path : '/';
  }

  function setUpLogin() {
    var form = $('#login-form');
    if (!form) return;
    var error = $('#login-error');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      var button = $('button[type=submit]', form);
      button.disabled = true;
      sendJson('POST', '/api/auth/login', { email: form.email.value, password: form.password.value })
        .then(function (response) {
          if (response.ok) return window.location.assign(safeNext(form.getAttribute('data-next')));
          // R12: a regular user with valid credentials during downtime gets no session and sees the maintenance page.
          if (response.status === 503) return window.location.assign('/maintenance');
          button.disabled = false;
          if (response.status === 401) return showError(error, text('js.loginFailed'));
          if (response.status === 429) return showError(error, text('js.throttled'));
          return readProblem(response).then(function (problem) {
            showError(error, problem.detail || text('js.failed'));
          });
        })
        .catch(function () {
          button.disabled = false;
          showError(error, text('js.failed'));
        });
    });
  }

  /** A form sent to a public JSON endpoint; the page shows the API's field errors or the confirmation. */
  function setUpApiForm(formId, errorId, doneId, url, read) {
    var form = $(formId);
    if (!form) return;
    var error = $(errorId);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      error.hidden = true;
      sendJson('POST', url, read(form))
        .then(function (response) {
          if (response.ok) {
            form.hidden = true;
            $(doneId).hidden = false;
            return;
          }
          if (response.status === 429) return showError(error, text('js.throttled'));
          return readProblem(response).then(function (problem) {
            showError(error, problem.title || text('js.failed'), problem.errors);
          });
        })
        .catch(function () {
          showError(error, text('js.failed'));
        });
    });
  }

  function setUpLogout() {
    all('[data-logout]').forEach(function (button) {
      button.addEventListener('click', function () {
        clearDrafts();
        sendJson('POST', '/api/auth/logout')
          .catch(function () {})
          .then(function () {
            window.location.assign('/login');
          });
      });
    });
  }

  // ---- Start ---------------------------------------------------------------------------------------------
  setUpLogin();
  setUpApiForm('#activate-form', '#activate-error', '#activate-done', '/api/auth/activate', function (form) {
    return { token: form.token.value, password: form.password.value };
  });
  setUpApiForm('#apply-form', '#apply-error', '#apply-done', '/api/public/job-applications', function (form) {
    var field = function (name) {
      return form.elements.namedItem(name).value;
    };
    var body = { vacancyId: field('vacancyId'), name: field('name'), email: field('email') };
    if (field('motivation').trim()) body.motivation = field('motivation');
    return body;
  });
  // Admin > Connect > Settings: who the window affects. The same sentence as the server renders
  // (src/pages/pages.impact.ts), from the same strings; the live region changes only when the text does.
  var IMPACT_POLL_MS = 10000;

  function counted(key, count, vars) {
    var rules = new Intl.PluralRules(page.lang === 'nl' ? 'nl' : 'en');
    return text(key + '.' + rules.select(count), Object.assign({ count: count }, vars));
  }

  function impactState(impact) {
    if (!impact.refusals) return 'off';
    return Date.parse(impact.refusals.since) <= Date.parse(impact.at) ? 'active' : 'scheduled';
  }

  function impactSentence(impact) {
    var state = impactState(impact);
    if (state === 'active') {
      var parts = ['user', 'integration', 'anonymous']
        .map(function (kind) {
          return text('js.impact.refusals.' + kind, { count: impact.refusals.byPrincipal[kind] });
        })
        .join(', ');
      return text('js.impact.sentence.active', {
        refusals: counted('js.impact.refusals', impact.refusals.total, { parts: parts }),
      });
    }
    var byRole = impact.signedIn.byRole;
    var roles =
      impact.signedIn.total > 0
        ? ' (' +
          Object.keys(byRole)
            .map(function (role) {
              return counted('js.impact.role.' + role, byRole[role]);
            })
            .join(', ') +
          ')'
        : '';
    return text('js.impact.sentence.' + state, {
      signedIn: counted('js.impact.signedIn', impact.signedIn.total, { roles: roles }),
      acknowledged: counted('js.impact.acknowledged', impact.notice.acknowledged),
    });
  }

  function setUpImpact() {
    var element = $('#impact');
    if (!element) return;
    setInterval(function () {
      fetch('/api/admin/connect/settings/maintenance/impact', { headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (impact) {
          if (!impact) return;
          var state = impactState(impact);
          if (element.getAttribute('data-impact-state') !== state) element.setAttribute('data-impact-state', state);
          var sentence = impactSentence(impact);
          if (element.textContent !== sentence) element.textContent = sentence;
        })
        .catch(function () {});
    }, IMPACT_POLL_MS);
  }

  setUpLogout();
  setUpNotice();
  setUpDrafts();
  rememberPage();
  setUpImpact();
  if (page.audience !== 'anonymous' || page.page === 'maintenance') {
    void refresh();
    setInterval(refresh, POLL_MS);
    setInterval(tick, 250);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') void refresh();
    });
  }
})();
