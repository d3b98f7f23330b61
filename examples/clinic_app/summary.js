// The summary page: post the visit's transaction Bundle to the FHIR server the app was started
// with. The request names only the visit; the app alone decides where the Bundle goes.
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const button = document.getElementById('post');

if (button) {
  button.addEventListener('click', async () => {
    const status = document.getElementById('posted');
    button.disabled = true;
    status.textContent = 'Posting…';
    try {
      const answer = await fetch(`/post/${encodeURIComponent(button.dataset.key)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: '{}',
      });
      const body = await answer.json().catch(() => ({}));
      status.textContent = body.message || `Not posted: ${body.error || answer.status}`;
    } catch (error) {
      status.textContent = 'Not posted: the app did not answer. Nothing was lost; try again.';
    } finally {
      button.disabled = false;
    }
  });
}
