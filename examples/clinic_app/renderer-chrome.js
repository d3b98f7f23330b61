// Two repairs to what a form renderer writes itself, applied as it renders:
//  - its English words (LHC-Forms and SMART Forms have no translations of their own) are
//    replaced by the form's language, in text and in accessible names; the words come from
//    /chrome.json?lang=<tag> (the app's catalogues) and nothing else is touched;
//  - ARIA references to elements that do not exist (LHC-Forms points aria-controls and
//    aria-describedby at a popover it never renders) are dropped, so assistive technology
//    is not sent nowhere.
window.localiseRendererChrome = async (lang) => {
  const words = lang === 'en'
    ? { texts: {}, patterns: [] }
    : await (await fetch(`/chrome.json?lang=${encodeURIComponent(lang)}`)).json();
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
  const NAMED = '[placeholder],[aria-label],[title],[aria-controls],[aria-describedby]';
  const fix = (root) => {
    if (!root || !root.querySelectorAll) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const shown = translate(node.textContent);
      if (shown !== null && shown !== node.textContent.trim()) node.textContent = shown;
    }
    const elements = [...root.querySelectorAll(NAMED)];
    if (root.matches && root.matches(NAMED)) elements.push(root);
    for (const element of elements) {
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name);
        const shown = value === null ? null : translate(value);
        if (shown !== null && shown !== value) element.setAttribute(name, shown);
      }
      for (const name of ['aria-controls', 'aria-describedby']) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        const kept = value.split(/\s+/).filter((id) => id && document.getElementById(id));
        if (kept.length === 0) element.removeAttribute(name);
        else if (kept.join(' ') !== value) element.setAttribute(name, kept.join(' '));
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
    attributes: true, attributeFilter: ['placeholder', 'aria-label', 'title', 'aria-controls', 'aria-describedby'],
  });
  window.chromeLocalised = true;
};
