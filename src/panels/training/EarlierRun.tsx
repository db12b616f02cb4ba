// The offer to go back to an earlier run: a link with other settings opened a fresh model, and
// the run the learner had is still saved. Names the settings it differs in and its step.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../content/format';
import { SETTING_ROWS, type SettingName, type SettingRow } from '../../engine/settings';
import type { ConfigState } from '../../store/config';
import { useAppStore } from '../../store/store';
import { dismissEarlierRun, returnToEarlierRun } from '../../store/trainingActions';
import { settingWords } from './settingWords';

function valueText(t: TFunction, name: SettingName, row: SettingRow, value: unknown): string {
  const words = settingWords(t, name, row);
  if (row.kind === 'choice') return words.option(String(value));
  if (value === null) return t('training.earlier.pytorch');
  return `${String(value)}${words.unit !== undefined ? ` ${words.unit}` : ''}`;
}

/** The settings of `saved` that differ from `now`, as "Hidden size 128 units (now 64 units)". */
export function differences(t: TFunction, saved: ConfigState, now: ConfigState): string[] {
  const out: string[] = [];
  if (saved.corpus !== now.corpus)
    out.push(
      t('training.earlier.text', {
        saved: t(`training.corpora.${saved.corpus}.label`),
        now: t(`training.corpora.${now.corpus}.label`),
      }),
    );
  for (const [name, row] of SETTING_ROWS) {
    if (saved[name] === now[name]) continue;
    out.push(
      t('training.earlier.setting', {
        label: settingWords(t, name, row).label,
        saved: valueText(t, name, row, saved[name]),
        now: valueText(t, name, row, now[name]),
      }),
    );
  }
  return out;
}

export function EarlierRun() {
  const { t } = useTranslation();
  const offer = useAppStore((s) => s.training.earlierRun);
  const now = useAppStore((s) => s.config);
  if (offer === null) return null;
  const differ = differences(t, offer.config, now);
  return (
    <div className="callout callout--ok" role="status" data-testid="earlier-run">
      <p>
        {t('training.earlier.saved', {
          step: formatCount(offer.step),
          differ:
            differ.length > 0
              ? t('training.earlier.differ', { list: differ.join(t('training.earlier.separator')) })
              : '',
        })}
      </p>
      <button type="button" onClick={returnToEarlierRun}>
        {t('training.earlier.goBack')}
      </button>
      <button type="button" onClick={dismissEarlierRun}>
        {t('training.earlier.dismiss')}
      </button>
    </div>
  );
}
