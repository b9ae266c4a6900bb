/**
 * Builds elements from data: strings become text nodes, attributes are set one by one. Nothing in
 * the panel uses innerHTML, so model output and user input can never turn into markup or script.
 * The one piece of HTML the server sends (a section rendered by SafeHtml) is read by an inert
 * parser and rebuilt here, element by element, through the same allow-list.
 */

/**
 * el('p', {class: 'note', dataset: {x: 1}, onclick: fn}, 'text', child, [more])
 * Attributes: `class`, `dataset`, `on<event>` handlers, `hidden`/`disabled` booleans, the rest
 * through setAttribute. Children: strings/numbers (as text), nodes, arrays, null/false (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of parent with the given ones. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Splits model text into paragraphs on blank lines, each as a <p> holding only text. */
export function paragraphs(text) {
  return String(text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => el('p', { dir: 'auto' }, part));
}

/** What SafeHtml on the server lets through; anything else keeps only its text. */
const SAFE_ELEMENTS = new Set(['p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'em', 'strong', 'code', 'pre', 'blockquote', 'a']);
const WITH_DIRECTION = new Set(['p', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote']);

/**
 * Nodes for the server's safe HTML of a section. DOMParser builds an inert document (no script
 * runs, nothing loads); its tree is copied through the allow-list, attribute by attribute.
 */
export function safeHtml(html) {
  const parsed = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  return [...parsed.body.childNodes].flatMap(copySafely);
}

function copySafely(node) {
  if (node.nodeType === Node.TEXT_NODE) return [document.createTextNode(node.data)];
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const children = [...node.childNodes].flatMap(copySafely);
  const tag = node.localName;
  if (!SAFE_ELEMENTS.has(tag)) return children;
  const attributes = {};
  if (WITH_DIRECTION.has(tag)) attributes.dir = 'auto';
  const href = node.getAttribute('href') ?? '';
  if (tag === 'a' && /^(https?:\/\/|mailto:)/i.test(href)) Object.assign(attributes, { href, rel: 'nofollow noopener noreferrer' });
  const start = node.getAttribute('start') ?? '';
  if (tag === 'ol' && /^\d{1,9}$/.test(start)) attributes.start = start;
  const language = node.getAttribute('class') ?? '';
  if (tag === 'code' && /^language-[\w+#.-]{1,40}$/.test(language)) attributes.class = language;
  return [el(tag, attributes, children)];
}
