// A file input whose button is written in the interface's language: the browser's own button reads
// in the browser's language ("Choose File", "No file chosen"), whatever the page's. The real input
// lies, transparent, over the drawn button, so a click, the keyboard and the label reach it as
// before; the field's label stays with the caller.
import { useTranslation } from 'react-i18next';

interface FileChooserProps {
  readonly id?: string;
  readonly accept: string;
  readonly disabled?: boolean;
  /** Called with the chosen file; the input is cleared so that the same file can be chosen again. */
  readonly onFile: (file: File) => void;
}

export function FileChooser({ id, accept, disabled = false, onFile }: FileChooserProps) {
  const { t } = useTranslation();
  return (
    <span className="file-chooser">
      <input
        id={id}
        type="file"
        className="file-chooser__input"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <span className="file-chooser__button" aria-hidden="true">
        {t('shell.chooseFile')}
      </span>
    </span>
  );
}
