// Finds English sentences left in a page shown in Chinese: text and the words assistive
// technology reads (aria-label, title, placeholder, alt). Text in another language on purpose —
// the learner's text, a corpus, a sample the model wrote — sits in an element whose `lang` says
// so (`lang="en"`), or is marked `translate="no"` (code, file names), and is skipped.

/** Names and symbols that stay as they are in Chinese. */
const KEPT = [
  'Unrolled',
  'PyTorch',
  'KaTeX',
  'i18next',
  'LSTM',
  'GRU',
  'RNN',
  'Adam',
  'SGD',
  'tanh',
  'softmax',
  'sigmoid',
  'MSE',
  'BPTT',
  'IndexedDB',
  'WebAssembly',
  'JSON',
  'CSV',
  'PNG',
  'SVG',
];

/** Three English words in a row (two letters or more each) make a sentence. */
const SENTENCE = /[A-Za-z][a-z’']+(?:[\s,;:]+[A-Za-z][a-z’']+){2,}/;

function skipped(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (e.getAttribute('translate') === 'no') return true;
    const lang = e.getAttribute('lang');
    if (lang !== null) return !lang.startsWith('zh');
    // KaTeX's own markup (and its MathML for screen readers) holds only symbols and names.
    if (e.classList.contains('katex')) return true;
  }
  return false;
}

function strip(text: string): string {
  let s = text;
  for (const word of KEPT) s = s.split(word).join(' ');
  return s;
}

/** Every English sentence left under `root`, with where it was found. */
export function englishLeft(root: Element): string[] {
  const found: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    if (SENTENCE.test(strip(text)) && !skipped(n.parentElement)) found.push(`text: ${text.trim()}`);
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (skipped(el)) continue;
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(attr);
      if (value !== null && SENTENCE.test(strip(value))) found.push(`${attr}: ${value}`);
    }
  }
  return found;
}
