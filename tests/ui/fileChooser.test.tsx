// The file input drawn in the page's language: its label still names the real input, a chosen file
// reaches the caller, the input is cleared for the next choice, and the button's words follow
// the language (the browser's own would follow the browser's).
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { FileChooser } from '../../src/panels/shared/FileChooser';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

function choose(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('FileChooser', () => {
  test('is the labelled file input, hands over the file and clears itself', () => {
    const onFile = vi.fn();
    render(
      <>
        <label htmlFor="f">Load a model file</label>
        <FileChooser id="f" accept=".json" onFile={onFile} />
      </>,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Load a model file');
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json');
    expect(screen.getByText('Choose a file…').getAttribute('aria-hidden')).toBe('true');
    const file = new File(['{}'], 'model.json');
    choose(input, file);
    expect(onFile).toHaveBeenCalledWith(file);
    expect(input.value).toBe('');
    // A change with no file (the dialog cancelled) calls nothing.
    Object.defineProperty(input, 'files', { value: [], configurable: true });
    fireEvent.change(input);
    expect(onFile).toHaveBeenCalledTimes(1);
  });

  test('writes its button in the page’s language, and can be disabled', async () => {
    await i18n.changeLanguage('zh-CN');
    render(
      <label>
        你自己的 CSV <FileChooser accept=".csv" disabled onFile={() => {}} />
      </label>,
    );
    expect(screen.getByText('选择文件…')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/你自己的 CSV/).disabled).toBe(true);
  });
});
