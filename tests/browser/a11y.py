"""axe-core in the browser tests: the pinned npm package, injected into the page under test.

``tests/browser/axe`` pins axe-core with a lockfile; ``npm ci`` installs it once. The rules
run are WCAG 2.0/2.1 A and AA; a violation of impact serious or critical fails a test.
"""

import shutil
import subprocess
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_DIR = Path(__file__).resolve().parent / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """
async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  });
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}
"""


def ensure_axe() -> Path:
    """The axe-core script, installed from the lockfile when missing."""
    if not AXE_SCRIPT.is_file():
        npm = shutil.which("npm")
        if npm is None:
            msg = "npm is needed once, to install axe-core for the accessibility checks"
            raise RuntimeError(msg)
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=AXE_DIR, check=True
        )
    return AXE_SCRIPT


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Every WCAG A/AA violation axe finds on ``page`` as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the page's CSP (no inline script) allows it.
        page.evaluate(ensure_axe().read_text("utf-8"))
    found: list[dict[str, Any]] = page.evaluate(_RUN, WCAG_AA)
    return found


def serious(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The violations of impact serious or critical."""
    return [v for v in violations if v["impact"] in ("serious", "critical")]
