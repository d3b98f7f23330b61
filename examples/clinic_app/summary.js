// The summary page: post the visit's transaction Bundle to the FHIR server the app was started
// with. The request names only the visit; the app alone decides where the Bundle goes.
// Status lines are in the page's language (texts come with the page).
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const texts = JSON.parse(document.getElementById('texts').textContent);
const say = (key, values = {}) => texts[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
const button = document.getElementById('post');

if (button) {
  button.addEventListener('click', async () => {
    const status = document.getElementById('posted');
    button.disabled = true;
    status.textContent = say('posting');
    try {
      const answer = await fetch(`/post/${encodeURIComponent(button.dataset.key)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: '{}',
      });
      const body = await answer.json().catch(() => ({}));
      status.textContent = body.posted
        ? say('posted', { count: body.count, mode: body.mode })
        : say('not-posted', { reason: body.reason || body.error || answer.status });
    } catch (error) {
      status.textContent = say('no-answer');
    } finally {
      button.disabled = false;
    }
  });
}
