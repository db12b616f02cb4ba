import { describe, expect, test } from 'vitest';
import { englishLeft } from './englishLeft';

function page(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('englishLeft', () => {
  test('finds English sentences in text and in accessible names', () => {
    expect(englishLeft(page('<p>训练 <b>Press Train to start</b></p>'))).toEqual([
      'text: Press Train to start',
    ]);
    expect(englishLeft(page('<button aria-label="Go back one step">←</button>'))).toEqual([
      'aria-label: Go back one step',
    ]);
  });

  test('lets names, symbols and text marked as another language through', () => {
    expect(
      englishLeft(
        page(
          '<p>用 PyTorch 训练 LSTM 和 GRU</p><p lang="en">To be or not to be</p><code translate="no">npm run engine train</code><p>h_t = tanh(W x_t)</p>',
        ),
      ),
    ).toEqual([]);
  });
});
