"""What a person sees on a rendered form, and which of it is the renderer's own English.

Our content is known (the Questionnaire the page rendered), so a visible fragment, placeholder
or accessible name that holds a word our content does not, and that word is English, is the
renderer's chrome ("Yes", "Not Answered", "Type a value", "MM/DD/YYYY", "Add Item"...).
"""

import re
from typing import Any

from playwright.sync_api import Page

_COLLECT = """
() => {
  const out = [];
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none'
      && box.width > 0 && box.height > 0;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    const text = node.textContent.trim();
    if (text && parent && visible(parent) && !['SCRIPT', 'STYLE'].includes(parent.tagName)) {
      out.push(text);
    }
  }
  for (const el of document.body.querySelectorAll('[placeholder],[aria-label],[title]')) {
    if (!visible(el)) continue;
    for (const name of ['placeholder', 'aria-label', 'title']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) out.push(value);
    }
  }
  return out;
}
"""

#: Words renderers write in English (lower case); any of them left on a translated page is
#: chrome nobody translated. Short, common words ("no", "a") are counted only when our own
#: content on the page does not hold them.
ENGLISH_WORDS = frozenset(
    [
        "yes",
        "no",
        "not",
        "answered",
        "type",
        "a",
        "value",
        "select",
        "one",
        "or",
        "more",
        "add",
        "item",
        "remove",
        "delete",
        "search",
        "required",
        "mandatory",
        "field",
        "pick",
        "date",
        "open",
        "close",
        "clear",
        "show",
        "hide",
        "loading",
        "please",
        "enter",
        "choose",
        "today",
        "checkbox",
        "button",
        "for",
        "calendar",
        "copyright",
        "mm",
        "dd",
        "yyyy",
        "of",
        "the",
        "options",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def page_texts(page: Page) -> list[str]:
    """Every visible text fragment and accessible name on ``page``."""
    found: list[Any] = page.evaluate(_COLLECT)
    return [str(text) for text in found]


def own_strings(value: Any) -> list[str]:
    """Every string in our Questionnaire JSON (its texts, displays and hints)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in own_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in own_strings(item)]
    return []


def english_chrome(page: Page, questionnaire: dict[str, Any]) -> list[str]:
    """Fragments on ``page`` that carry an English word our own content does not."""
    own = own_strings(questionnaire)
    own_words = {w.lower() for text in own for w in _WORD.findall(text)}
    hits = []
    for text in page_texts(page):
        words = {w.lower() for w in _WORD.findall(text)}
        if (words - own_words) & ENGLISH_WORDS:
            hits.append(text)
    return hits
