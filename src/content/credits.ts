// Sources and licences credited on the About page (facts from shared/data/README.md and each
// package's licence field).

export interface Credit {
  name: string;
  description: string;
  licence: string;
}

export const DATA_CREDITS: readonly Credit[] = [
  {
    name: 'tinyshakespeare.txt',
    description:
      '1,115,394 characters of Shakespeare’s plays, from the data/tinyshakespeare/input.txt file of Andrej Karpathy’s char-rnn repository.',
    licence: 'The plays are in the public domain.',
  },
  {
    name: 'tang300.txt',
    description:
      '320 poems of the anthology 唐詩三百首 (Three Hundred Tang Poems), in traditional characters, extracted from the npm package chinese-poetry 2.0.1.',
    licence: 'The poems are in the public domain; the package is MIT licensed (© 2016 JackeyGao).',
  },
  {
    name: 'co2-concentration.csv',
    description:
      'Monthly atmospheric CO₂ at Mauna Loa Observatory, Hawaii, 1958–2020, from the Scripps CO₂ Program (scrippsco2.ucsd.edu), as shipped in the npm package vega-datasets 3.2.1.',
    licence:
      'Creative Commons Attribution 4.0 (Scripps CO₂ Program); the package is BSD-3-Clause licensed.',
  },
  {
    name: 'seattle-weather.csv',
    description:
      'Daily weather at Seattle, 2012–2015, from the NOAA National Climatic Data Center, as shipped in vega-datasets 3.2.1.',
    licence: 'A U.S. Government work, in the public domain.',
  },
  {
    name: 'global-temp.csv',
    description:
      'Yearly global land–ocean temperature anomaly, 1880–2023, from NASA’s Goddard Institute for Space Studies (GISTEMP), as shipped in vega-datasets 3.2.1.',
    licence: 'A U.S. Government work, in the public domain.',
  },
];

export const LIBRARY_CREDITS: readonly Credit[] = [
  { name: 'React', description: 'renders the interface.', licence: 'MIT' },
  { name: 'zustand', description: 'holds the app’s state.', licence: 'MIT' },
  { name: 'd3', description: 'computes the charts’ scales and shapes.', licence: 'ISC' },
  { name: 'KaTeX', description: 'typesets the equations.', licence: 'MIT' },
  { name: 'valibot', description: 'checks the settings in the address.', licence: 'MIT' },
];
