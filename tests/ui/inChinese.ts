// Runs a test's body with the interface in Chinese, as the shell sets it; English again after.
import { i18n } from '../../src/app/i18n';
import { patchSlice } from '../../src/store/store';

/** In Chinese for the body of a test, English again after it. */
export async function inChinese(body: () => Promise<void>): Promise<void> {
  patchSlice('locale', { lang: 'zh-CN' });
  await i18n.changeLanguage('zh-CN');
  try {
    await body();
  } finally {
    await i18n.changeLanguage('en');
  }
}
