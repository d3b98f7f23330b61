// The intake page: render the form in the page's language, show where the person is, and
// submit its QuestionnaireResponse as JSON with the page's CSRF token. Problems come back as
// messages in the form's language and are shown next to their questions; the first is focused
// and every one is announced (role=alert) and tied to its field (aria-describedby).
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const texts = JSON.parse(document.getElementById('texts').textContent);
const lang = document.documentElement.lang;
const say = (key, values = {}) => texts[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);

function response() {
  const answered = LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4');
  const q = window.questionnaire;
  answered.questionnaire = answered.questionnaire || `${q.url}|${q.version}`;
  answered.status = 'completed';
  answered.authored = answered.authored || new Date().toISOString();
  return answered;
}

function showProgress() {
  const sections = window.questionnaire.item.map((item) => item.linkId);
  const started = new Set((response().item || []).map((item) => item.linkId));
  const count = sections.filter((linkId) => started.has(linkId)).length;
  const bar = document.getElementById('progress');
  bar.max = sections.length;
  bar.value = count;
  document.getElementById('progress-text').textContent = say('progress', { answered: count, total: sections.length });
}

function buildSections() {
  const list = document.getElementById('sections');
  for (const section of window.questionnaire.item) {
    const link = document.createElement('a');
    link.href = `#item-${section.linkId}/1`;
    link.textContent = section.text;
    link.addEventListener('click', (event) => {
      const target = document.getElementById(`item-${section.linkId}/1`);
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView();
      const field = target.querySelector('input, textarea, select');
      if (field) field.focus();
    });
    const entry = document.createElement('li');
    entry.append(link);
    list.append(entry);
  }
}

// LHC-Forms ids: item-<linkId>/<instance of each enclosing group>/<instance of the item>.
function itemId(path) {
  const parts = path.replace(/\.answer\[\d+\]$/, '').split('/').map((part) => part.match(/^(.*?)(?:\[(\d+)\])?$/));
  return `item-${parts[parts.length - 1][1]}/${parts.map((part) => part[2] || '1').join('/')}`;
}

function clearProblems() {
  for (const old of document.querySelectorAll('.problem')) old.remove();
  for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
    field.removeAttribute('aria-invalid');
    const kept = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && !id.startsWith('problem-'));
    if (kept.length) field.setAttribute('aria-describedby', kept.join(' ')); else field.removeAttribute('aria-describedby');
  }
  document.getElementById('problems').replaceChildren();
}

function showProblems(problems) {
  const summary = document.getElementById('problems');
  const heading = document.createElement('p');
  heading.textContent = say('problems', { count: problems.length });
  const list = document.createElement('ul');
  let first = null;
  problems.forEach((problem, index) => {
    const entry = document.createElement('li');
    const item = problem.link_id ? document.getElementById(itemId(problem.path)) : null;
    if (item) {
      const note = document.createElement('p');
      note.className = 'problem';
      note.id = `problem-${index}`;
      note.textContent = problem.message;
      item.append(note);
      for (const field of item.querySelectorAll('input, textarea, select')) {
        field.setAttribute('aria-invalid', 'true');
        const described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        field.setAttribute('aria-describedby', [...described, note.id].join(' '));
      }
      first = first || item.querySelector('input, textarea, select');
      const link = document.createElement('a');
      link.href = `#${note.id}`;
      link.textContent = `${problem.question}: ${problem.message}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        item.scrollIntoView();
        const field = item.querySelector('input, textarea, select');
        if (field) field.focus();
      });
      entry.append(link);
    } else {
      entry.textContent = problem.question ? `${problem.question}: ${problem.message}` : problem.message;
    }
    list.append(entry);
  });
  summary.replaceChildren(heading, list);
  if (first) { first.scrollIntoView({ block: 'center' }); first.focus(); } else summary.focus();
}

window.addEventListener('load', async () => {
  window.questionnaire = await (await fetch(`/questionnaire.json?lang=${encodeURIComponent(lang)}`)).json();
  await window.localiseRendererChrome(lang);
  await LForms.Util.addFormToPage(window.questionnaire, 'form', { prepopulate: false });
  buildSections();
  showProgress();
  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; showProgress(); });
  };
  document.getElementById('form').addEventListener('change', later);
  document.getElementById('form').addEventListener('input', later);
  document.getElementById('loading').remove();
  window.formReady = true;
  document.getElementById('submit').disabled = false; // nothing to submit before the form is there
});

document.getElementById('submit').addEventListener('click', async () => {
  clearProblems();
  const answer = await fetch('/submit', {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(response()),
  });
  const body = await answer.json().catch(() => ({}));
  if (answer.ok) { location.href = `${body.summary}?lang=${encodeURIComponent(lang)}`; return; }
  if (body.problems) { showProblems(body.problems); return; }
  const summary = document.getElementById('problems');
  summary.textContent = say('not-submitted', { reason: body.error || answer.status });
  summary.focus();
});
