/**
 * Renders an article (finished or partial) from GET /api/ai-content/{id}. Every piece of model
 * output goes in as text, except a section's body, which the server sends as safe HTML (Markdown
 * held to an allow-list) and which is rebuilt through the same allow-list here. The article carries its own lang and dir, so a Persian article reads
 * right-to-left inside an English interface and the other way round. Images are fetched with the
 * bearer header and shown through blob: URLs, kept across re-renders so a partial article that
 * grows does not download them again.
 */
import { fetchImageUrl } from '../api.js';
import { el, paragraphs, safeHtml } from '../dom.js';
import { directionOf } from '../i18n.js';

/** Labels come from the UI language; headings inside the article follow the article language. */
export class ArticleRenderer {
  #imageUrls = new Map();
  #labels;

  constructor(labels) {
    this.#labels = labels;
  }

  render(article, { partial }) {
    const language = article.language === 'fa' ? 'fa' : 'en';
    const sections = [...(article.sections ?? [])].sort((a, b) => a.index - b.index);
    const images = [...(article.images ?? [])].sort((a, b) => a.index - b.index);
    const written = new Set(sections.map((section) => section.index));
    const placedImages = new Set();

    const body = sections.map((section) => {
      const image = images.find((candidate) => candidate.index === section.index);
      if (image) placedImages.add(image.index);
      return el('section', { class: 'article-section', id: `section-${section.index}`, dataset: { index: section.index } },
        el('h2', {}, section.heading ?? ''),
        el('div', { class: 'section-body' }, section.html ? safeHtml(section.html) : paragraphs(section.body)),
        image ? this.#figure(image) : null);
    });
    const looseImages = images.filter((image) => !placedImages.has(image.index));

    const headings = article.headings ?? [];
    const faq = article.faq ?? [];
    const meta = article.meta;
    const notes = article.notes ?? [];
    const labels = this.#labels;

    return el('article', { class: 'article card', id: 'article', lang: language, dir: directionOf(language), dataset: { partial: partial ? 'true' : 'false' } },
      partial ? el('p', { class: 'notice', lang: labels.lang, dir: labels.dir }, article.status === 'processing' || article.status === 'pending' ? labels.partial : labels.incomplete) : null,
      el('h1', { class: 'article-title' }, article.title ?? ''),
      notes.length
        ? el('aside', { class: 'model-notes', id: 'article-notes', lang: labels.lang, dir: labels.dir },
          el('h2', {}, labels.notes), el('ul', {}, notes.map((note) => el('li', { dir: 'auto' }, note))))
        : null,
      headings.length
        ? el('nav', { class: 'toc', 'aria-label': labels.contents },
          el('h2', {}, labels.contents),
          el('ol', {}, headings.map((heading, index) => el('li', { class: written.has(index) ? 'written' : 'pending' }, heading))))
        : null,
      article.summary
        ? el('section', { class: 'summary', id: 'article-summary' }, el('h2', {}, labels.summary), paragraphs(article.summary))
        : null,
      body,
      looseImages.length ? el('div', { class: 'gallery' }, looseImages.map((image) => this.#figure(image))) : null,
      faq.length
        ? el('section', { class: 'faq', id: 'article-faq' }, el('h2', {}, labels.faq),
          faq.map((entry) => el('details', {}, el('summary', {}, entry.question ?? ''), paragraphs(entry.answer))))
        : null,
      meta
        ? el('section', { class: 'meta', id: 'article-meta' }, el('h2', {}, labels.meta),
          el('dl', {},
            el('dt', {}, labels.metaTitle), el('dd', {}, meta.title ?? ''),
            el('dt', {}, labels.metaDescription), el('dd', {}, meta.description ?? ''),
            el('dt', {}, labels.keywords), el('dd', {},
              el('ul', { class: 'keywords' }, (meta.keywords ?? []).map((keyword) => el('li', {}, keyword))))))
        : null,
    );
  }

  #figure(image) {
    const img = el('img', { alt: image.alt ?? '', decoding: 'async', dataset: { index: image.index } });
    const caption = el('figcaption', {}, image.alt ?? '');
    const figure = el('figure', { class: 'article-image loading', dataset: { index: image.index } }, img, caption);
    const key = image.url;
    let url = this.#imageUrls.get(key);
    if (!url) {
      url = fetchImageUrl(image.url);
      this.#imageUrls.set(key, url);
      url.catch(() => this.#imageUrls.delete(key));
    }
    url.then((objectUrl) => {
      img.src = objectUrl;
      figure.classList.remove('loading');
    }, () => {
      figure.classList.remove('loading');
      figure.classList.add('failed');
      caption.textContent = `${image.alt ?? ''} — ${this.#labels.imageFailed}`;
    });
    return figure;
  }

  /** Frees the blob: URLs; call when leaving the page. */
  dispose() {
    for (const url of this.#imageUrls.values()) url.then((objectUrl) => URL.revokeObjectURL(objectUrl), () => {});
    this.#imageUrls.clear();
  }
}
