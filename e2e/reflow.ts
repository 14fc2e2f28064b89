import type { Page } from 'playwright-core';
import type { ExpectStatic } from 'vitest';

/**
 * WCAG 1.4.10 Reflow: at 320 CSS px (a 1280 px screen at 400 %) no page may scroll sideways. Checked
 * again at 640 px (200 %), so a layout that only breaks between the phone and the desktop is caught too.
 * Tables may scroll inside their own labelled region; the page itself may not.
 */
export const REFLOW_WIDTHS = [320, 640];
export const REFLOW_HEIGHT = 800;

/**
 * Resizes the page as it stands to each of `REFLOW_WIDTHS` (it is not loaded again) and checks it reflows
 * there, as soft expectations on the test's own `expect`; then gives the page back the size it had.
 */
export async function expectReflow(page: Page, expect: ExpectStatic): Promise<void> {
  const before = page.viewportSize();
  try {
    for (const width of REFLOW_WIDTHS) {
      await page.setViewportSize({ width, height: REFLOW_HEIGHT });
      const reflow = await measureReflow(page);
      expect
        .soft(
          reflow.excess,
          `at ${width} px the page is ${reflow.excess} px wider than the screen; sticking out:\n  ${reflow.culprits.join('\n  ')}\n`,
        )
        .toBe(0);
      expect
        .soft(reflow.hiddenOverflow, `at ${width} px, content is cut off instead of reflowed`)
        .toEqual([]);
      expect
        .soft(
          reflow.unreachableScrollers,
          `at ${width} px these scroll sideways, yet are no named region a keyboard can reach (<section aria-labelledby="caption id" tabindex="0">), nor stack:\n  ${reflow.unreachableScrollers.join('\n  ')}\n`,
        )
        .toEqual([]);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

export type Reflow = {
  /** `document.documentElement.scrollWidth` minus its `clientWidth`: more than 0 scrolls sideways. */
  excess: number;
  /** `html`/`body` with overflow-x other than visible: that would cut content off, not reflow it. */
  hiddenOverflow: string[];
  /** What sticks out past the right edge of the viewport, as short selectors. */
  culprits: string[];
  /**
   * Elements that scroll sideways on their own (a wide table in its region) but that a keyboard cannot
   * reach or a screen reader cannot name: each must be a region (`<section>` or `role="region"`), named
   * (`aria-labelledby` its caption), and `tabindex="0"`.
   */
  unreachableScrollers: string[];
};

/**
 * How far the page is wider than the viewport, and what sticks out: the outermost elements whose box
 * ends past the right edge, and the elements whose text (a word that cannot break) does. Whatever an
 * element that scrolls or clips on its own (overflow-x auto, scroll, hidden, clip) holds is skipped, as it
 * does not widen the page, except an absolutely positioned element whose containing block is outside
 * that element: it escapes the clipping (e.g. `.visually-hidden` text inside a scrolling table).
 */
export function measureReflow(currentPage: Page): Promise<Reflow> {
  return currentPage.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    const excess = root.scrollWidth - viewport;
    const hiddenOverflow = [root, document.body]
      .filter((element) => getComputedStyle(element).overflowX !== 'visible')
      .map((element) => `${element.localName} { overflow-x: ${getComputedStyle(element).overflowX} }`);
    const unreachableScrollers = [...document.body.querySelectorAll('*')]
      .filter(
        (element) =>
          element.scrollWidth > element.clientWidth + 1 &&
          ['auto', 'scroll'].includes(getComputedStyle(element).overflowX) &&
          !(
            // A region: role="region", or a <section> that has a name (its implicit role is then region).
            (element.getAttribute('role') === 'region' || element.localName === 'section') &&
            element.getAttribute('tabindex') === '0' &&
            (document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ||
              element.getAttribute('aria-label')?.trim())
          ),
      )
      .map(
        (element) =>
          `${element.localName}.${[...element.classList].join('.')}: "${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`,
      );
    if (excess <= 0) return { excess, hiddenOverflow, culprits: [], unreachableScrollers };

    const selectorOf = (element: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
        if (node.id) {
          parts.unshift(`${node.localName}#${node.id}`);
          break;
        }
        let part =
          node.localName +
          [...node.classList]
            .slice(0, 2)
            .map((name) => `.${name}`)
            .join('');
        const siblings = node.parentElement ? [...node.parentElement.children] : [];
        const same = siblings.filter((sibling) => sibling.localName === node?.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
        parts.unshift(part);
        if (parts.length === 4) break;
      }
      return parts.join(' > ');
    };
    const snippet = (text: string | null) => {
      const clean = (text ?? '').replace(/\s+/g, ' ').trim();
      return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
    };
    const culprits: string[] = [];
    const range = document.createRange();
    /** `clipper`: the nearest ancestor that scrolls or clips sideways, or null. */
    const visit = (element: Element, parentOverflows: boolean, clipper: Element | null) => {
      const style = getComputedStyle(element);
      let clippedBy = clipper;
      if (clippedBy && (style.position === 'absolute' || style.position === 'fixed')) {
        const containingBlock = element instanceof HTMLElement ? element.offsetParent : null;
        const escapes =
          style.position === 'fixed' || !containingBlock || !clippedBy.contains(containingBlock);
        if (escapes) clippedBy = null;
      }
      const box = element.getBoundingClientRect();
      const overflows = !clippedBy && box.width > 0 && box.right > viewport + 0.5;
      if (overflows && !parentOverflows) {
        culprits.push(
          `${selectorOf(element)} (box to ${Math.round(box.right)}px): "${snippet(element.textContent)}"`,
        );
      }
      const clipsOwnContent =
        element !== document.body && ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
      const childClipper = clipsOwnContent ? element : clippedBy;
      for (const child of element.childNodes) {
        if (child.nodeType === Node.ELEMENT_NODE) visit(child as Element, overflows, childClipper);
        else if (
          !childClipper &&
          !overflows &&
          child.nodeType === Node.TEXT_NODE &&
          child.textContent?.trim()
        ) {
          range.selectNodeContents(child);
          const right = range.getBoundingClientRect().right;
          if (right > viewport + 0.5) {
            culprits.push(
              `${selectorOf(element)} (text to ${Math.round(right)}px): "${snippet(child.textContent)}"`,
            );
          }
        }
      }
    };
    visit(document.body, false, null);
    return { excess, hiddenOverflow, culprits: culprits.slice(0, 8), unreachableScrollers };
  });
}
