// The step controls' icons (decorative: each button carries its own accessible name).
const PATHS = {
  start: 'M5 4h2v12H5zM16 4v12L8 10z',
  back: 'M14 4v12L6 10z',
  play: 'M6 4v12l10-6z',
  pause: 'M5 4h4v12H5zM11 4h4v12h-4z',
  forward: 'M6 4v12l8-6z',
  end: 'M13 4h2v12h-2zM4 4v12l8-6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
