// Sources and licences credited on the About page (facts from shared/data/README.md and each
// package's licence field), in both languages of the interface.
import type { Locale } from './i18n';

export interface Credit {
  name: string;
  description: Record<Locale, string>;
  licence: Record<Locale, string>;
}

const PUBLIC_US = {
  en: 'A U.S. Government work, in the public domain.',
  'zh-CN': '美国政府作品，属于公有领域。',
};

export const DATA_CREDITS: readonly Credit[] = [
  {
    name: 'tinyshakespeare.txt',
    description: {
      en: '1,115,394 characters of Shakespeare’s plays, from the data/tinyshakespeare/input.txt file of Andrej Karpathy’s char-rnn repository.',
      'zh-CN':
        '莎士比亚戏剧的 1,115,394 个字符，取自 Andrej Karpathy 的 char-rnn 仓库中的 data/tinyshakespeare/input.txt 文件。',
    },
    licence: { en: 'The plays are in the public domain.', 'zh-CN': '这些戏剧属于公有领域。' },
  },
  {
    name: 'tang300.txt',
    description: {
      en: '320 poems of the anthology 唐詩三百首 (Three Hundred Tang Poems), in traditional characters, extracted from the npm package chinese-poetry 2.0.1.',
      'zh-CN': '《唐詩三百首》中的 320 首诗，繁体字，提取自 npm 包 chinese-poetry 2.0.1。',
    },
    licence: {
      en: 'The poems are in the public domain; the package is MIT licensed (© 2016 JackeyGao).',
      'zh-CN': '这些诗属于公有领域；该包采用 MIT 许可证（© 2016 JackeyGao）。',
    },
  },
  {
    name: 'co2-concentration.csv',
    description: {
      en: 'Monthly atmospheric CO₂ at Mauna Loa Observatory, Hawaii, 1958–2020, from the Scripps CO₂ Program (scrippsco2.ucsd.edu), as shipped in the npm package vega-datasets 3.2.1.',
      'zh-CN':
        '夏威夷莫纳罗亚天文台 1958–2020 年的月均大气 CO₂ 浓度，来自 Scripps CO₂ Program（scrippsco2.ucsd.edu），随 npm 包 vega-datasets 3.2.1 发布。',
    },
    licence: {
      en: 'Creative Commons Attribution 4.0 (Scripps CO₂ Program); the package is BSD-3-Clause licensed.',
      'zh-CN': '知识共享署名 4.0（Scripps CO₂ Program）；该包采用 BSD-3-Clause 许可证。',
    },
  },
  {
    name: 'seattle-weather.csv',
    description: {
      en: 'Daily weather at Seattle, 2012–2015, from the NOAA National Climatic Data Center, as shipped in vega-datasets 3.2.1.',
      'zh-CN':
        '西雅图 2012–2015 年的每日天气，来自美国国家海洋和大气管理局（NOAA）国家气候数据中心，随 vega-datasets 3.2.1 发布。',
    },
    licence: PUBLIC_US,
  },
  {
    name: 'global-temp.csv',
    description: {
      en: 'Yearly global land–ocean temperature anomaly, 1880–2023, from NASA’s Goddard Institute for Space Studies (GISTEMP), as shipped in vega-datasets 3.2.1.',
      'zh-CN':
        '1880–2023 年全球陆地与海洋的年均温度距平，来自 NASA 戈达德空间研究所（GISTEMP），随 vega-datasets 3.2.1 发布。',
    },
    licence: PUBLIC_US,
  },
];

const library = (name: string, en: string, zh: string, licence: string): Credit => ({
  name,
  description: { en, 'zh-CN': zh },
  licence: { en: licence, 'zh-CN': licence },
});

export const LIBRARY_CREDITS: readonly Credit[] = [
  library('React', 'renders the interface.', '渲染界面。', 'MIT'),
  library('zustand', 'holds the app’s state.', '保存应用的状态。', 'MIT'),
  library('d3', 'computes the charts’ scales and shapes.', '计算图表的比例尺与形状。', 'ISC'),
  library('KaTeX', 'typesets the equations.', '排版公式。', 'MIT'),
  library('valibot', 'checks the settings in the address.', '检查地址中的设置。', 'MIT'),
  library('i18next', 'translates the interface.', '翻译界面。', 'MIT'),
];
