// Each view's panel is its own lazily loaded chunk.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { View } from '../store/views';

export const PANELS: Record<View, LazyExoticComponent<ComponentType>> = {
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
