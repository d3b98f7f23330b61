// Replaces the English words a form renderer writes itself (LHC-Forms and SMART Forms have no
// translations of their own) with the form's language, in text and in accessible names.
// The words come from /chrome.json?lang=<tag> (the app's catalogues); nothing else is touched.
window.localiseRendererChrome = async (lang) => {
  if (lang === 'en') return;
  const words = await (await fetch(`/chrome.json?lang=${encodeURIComponent(lang)}`)).json();
  const patterns = words.patterns.map(([source, template]) => [new RegExp(source), template]);
  const translate = (value) => {
    const trimmed = value.trim();
    if (Object.prototype.hasOwnProperty.call(words.texts, trimmed)) return words.texts[trimmed];
    for (const [pattern, template] of patterns) {
      const found = trimmed.match(pattern);
      if (found) return template.replace(/\{(\d)\}/g, (_, i) => found[Number(i) + 1]);
    }
    return null;
  };
  const fix = (root) => {
    if (!root) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const shown = translate(node.textContent);
      if (shown !== null && shown !== node.textContent.trim()) node.textContent = shown;
    }
    if (!root || !root.querySelectorAll) return;
    const elements = [...root.querySelectorAll('[placeholder],[aria-label],[title]')];
    if (root.matches && root.matches('[placeholder],[aria-label],[title]')) elements.push(root);
    for (const element of elements) {
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        const shown = value === null ? null : translate(value);
        if (shown !== null && shown !== value) element.setAttribute(name, shown);
      }
    }
  };
  fix(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes' || change.type === 'characterData') fix(change.target.parentNode || document.body);
      for (const node of change.addedNodes) fix(node.nodeType === Node.TEXT_NODE ? node.parentNode : node);
    }
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'aria-label', 'title'],
  });
  window.chromeLocalised = true;
};
