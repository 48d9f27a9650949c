// @ts-check
/**
 * The one way `<article-diff>` makes elements. Text goes in through `textContent` only, never
 * `innerHTML`, so article text and labels render as the characters they are.
 *
 * @module article-diff-dom
 */

/**
 * Creates an element; text goes in through `textContent` only.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{class?: string, part?: string, text?: string, attrs?: Record<string, string>}} [props]
 * @param {Array<Node|string|null|false>} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, children = []) {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.part) el.setAttribute('part', props.part);
  if (props.text !== undefined) el.textContent = props.text;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === false) continue;
    el.append(child);
  }
  return el;
}
