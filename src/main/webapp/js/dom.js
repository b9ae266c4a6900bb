/**
 * Builds elements from data without ever parsing HTML: strings become text nodes, attributes are
 * set one by one. Nothing in the panel uses innerHTML, so model output and user input can never
 * turn into markup or script.
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
