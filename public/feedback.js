// Progressive enhancement for "Var informationen till din hjälp?": answers in place instead of
// reloading the page. Without this file the same forms work as plain POST + redirect.
(() => {
  const section = document.querySelector('[data-feedback]');
  if (!section || !window.fetch) return;

  section.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form));
    if (event.submitter?.name) body.set(event.submitter.name, event.submitter.value);
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { 'X-Requested-With': 'fetch' },
        credentials: 'same-origin',
      });
      if (!response.ok && response.status !== 422) throw new Error(String(response.status));
      const html = await response.text();
      const replacement = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-feedback]');
      if (!replacement) throw new Error('unexpected answer');
      section.replaceChildren(...replacement.childNodes);
      // In this order of preference: a selector list would give the first in the document instead.
      const focusTarget = ['.error-summary', 'textarea', '[role="status"]']
        .map((selector) => section.querySelector(selector))
        .find(Boolean);
      if (focusTarget) {
        if (!focusTarget.hasAttribute('tabindex') && focusTarget.tagName !== 'TEXTAREA')
          focusTarget.setAttribute('tabindex', '-1');
        focusTarget.focus();
      }
    } catch {
      // Anything unexpected: fall back to the ordinary form post, keeping the button that was pressed.
      if (event.submitter?.name) {
        const pressed = document.createElement('input');
        pressed.type = 'hidden';
        pressed.name = event.submitter.name;
        pressed.value = event.submitter.value;
        form.append(pressed);
      }
      form.submit();
    }
  });
})();
