// Each view's panel is its own lazily loaded chunk.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { View } from '../store/views';

export const PANELS: Record<View, LazyExoticComponent<ComponentType>> = {
  lesson: lazy(() => import('../panels/LessonPanel').then((m) => ({ default: m.LessonPanel }))),
  forward: lazy(() => import('../panels/ForwardPanel').then((m) => ({ default: m.ForwardPanel }))),
  train: lazy(() => import('../panels/TrainingPanel').then((m) => ({ default: m.TrainingPanel }))),
  gradients: lazy(() =>
    import('../panels/GradientFlowPanel').then((m) => ({ default: m.GradientFlowPanel })),
  ),
  series: lazy(() => import('../panels/SeriesPanel').then((m) => ({ default: m.SeriesPanel }))),
  tagging: lazy(() => import('../panels/TaggingPanel').then((m) => ({ default: m.TaggingPanel }))),
  attention: lazy(() =>
    import('../panels/AttentionPanel').then((m) => ({ default: m.AttentionPanel })),
  ),
  about: lazy(() => import('../panels/AboutPanel').then((m) => ({ default: m.AboutPanel }))),
};

/** The lesson's chapter above its view, and the links from a view to its chapters (with the
 * lesson's text, so not in the first load). */
export const ChapterCard = lazy(() =>
  import('../panels/lesson/ChapterCard').then((m) => ({ default: m.ChapterCard })),
);
export const LessonLinks = lazy(() =>
  import('../panels/lesson/LessonLinks').then((m) => ({ default: m.LessonLinks })),
);
