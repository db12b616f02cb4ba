// What the app is for, how to use it, and who made what it is built on; in the language in effect
// (the words are the content's messages, the credits the content's data).
import { Trans, useTranslation } from 'react-i18next';
import { DATA_CREDITS, LIBRARY_CREDITS, type Credit } from '../content/credits';
import { selectLocale } from '../store/selectors';
import { useAppStore } from '../store/store';
import { Equation } from '../viz/Equation';

const USES = ['forward', 'train', 'gradients', 'series', 'tagging', 'attention'] as const;

export function AboutPanel() {
  const { t } = useTranslation();
  return (
    <div className="prose">
      <p>{t('about.intro')}</p>

      <h2>{t('about.howTo')}</h2>
      <ol>
        {USES.map((use) => (
          <li key={use}>
            <Trans i18nKey={`about.uses.${use}`} components={{ b: <strong /> }} />
          </li>
        ))}
      </ol>

      <h2>{t('about.ideaHeading')}</h2>
      <p>{t('about.ideaLead')}</p>
      <Equation tex="c_t = f_t \odot c_{t-1} + i_t \odot g_t" display />
      <p>
        <Trans
          i18nKey="about.ideaDetail"
          components={{
            f: <Equation tex="f_t" />,
            i: <Equation tex="i_t" />,
            g: <Equation tex="g_t" />,
            odot: <Equation tex="\odot" />,
          }}
        />
      </p>

      <h2>{t('about.keyboardHeading')}</h2>
      <p>{t('about.keyboard')}</p>

      <h2>{t('about.creditsHeading')}</h2>
      <h3>{t('about.data')}</h3>
      <CreditList credits={DATA_CREDITS} />
      <h3>{t('about.libraries')}</h3>
      <CreditList credits={LIBRARY_CREDITS} />
      <p>{t('about.own')}</p>
    </div>
  );
}

function CreditList({ credits }: { credits: readonly Credit[] }) {
  const { t } = useTranslation();
  const locale = useAppStore(selectLocale);
  return (
    <ul className="credits">
      {credits.map((credit) => (
        <li key={credit.name}>
          <strong>{credit.name}</strong> — {credit.description[locale]}{' '}
          <span>{t('about.licence', { licence: credit.licence[locale] })}</span>
        </li>
      ))}
    </ul>
  );
}
