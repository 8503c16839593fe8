"""Contrast of every text on a page region, as the browser paints it (WCAG's relative luminance formula).

axe cannot see backgrounds that Radix paints in pseudo-elements (it reports them as "needs review"), so this
walks up from each text to the first opaque background, looking at ``::before`` layers too."""

from playwright.sync_api import Page

_SCRIPT = """
(root) => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const layers = [getComputedStyle(node, '::before'), getComputedStyle(node)];
      for (const style of layers) {
        if (style === layers[0] && style.content === 'none') continue;
        const c = parse(style.backgroundColor);
        if (c && c.a >= 0.99) return c;
      }
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const results = [];
  for (const el of root.querySelectorAll('*')) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('');
    const box = el.getBoundingClientRect();
    if (!text || box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.sr-only')) continue;
    const fg = parse(getComputedStyle(el).color), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    results.push({text: text.slice(0, 40), ratio: (hi + 0.05) / (lo + 0.05)});
  }
  return results;
}
"""


def text_contrasts(page: Page, selector: str) -> list[dict]:
    return page.locator(selector).first.evaluate(_SCRIPT)


def lowest_contrast(page: Page, selector: str) -> tuple[float, str]:
    results = text_contrasts(page, selector)
    assert results, f"No text found in {selector}"
    worst = min(results, key=lambda r: r["ratio"])
    return worst["ratio"], worst["text"]
