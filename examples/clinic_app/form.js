// The intake page: render the form, and submit its QuestionnaireResponse as JSON with the
// page's CSRF token (the app refuses any write without it, and any write from another origin).
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

window.addEventListener('load', async () => {
  const lang = new URLSearchParams(location.search).get('lang') || 'en';
  window.questionnaire = await (await fetch(`/questionnaire.json?lang=${encodeURIComponent(lang)}`)).json();
  await LForms.Util.addFormToPage(window.questionnaire, 'form', { prepopulate: false });
  window.formReady = true;
  document.getElementById('submit').disabled = false; // nothing to submit before the form is there
});

document.getElementById('submit').addEventListener('click', async () => {
  const list = document.getElementById('problems');
  const response = LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4');
  const q = window.questionnaire;
  response.questionnaire = response.questionnaire || `${q.url}|${q.version}`;
  response.status = 'completed';
  response.authored = response.authored || new Date().toISOString();
  const answer = await fetch('/submit', {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(response),
  });
  const body = await answer.json().catch(() => ({}));
  if (answer.ok) { location.href = body.summary; return; }
  list.textContent = body.problems
    ? body.problems.map((p) => `${p.path}: ${p.message}`).join(' | ')
    : `Not submitted: ${body.error || answer.status}`;
});
