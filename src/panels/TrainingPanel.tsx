// The Training view: pick a text, press Train, watch a character model learn in the worker,
// with its loss against baselines, samples, gradient health, neurons and weights.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { initTraining } from '../store/trainingActions';
import '../styles/training.css';
import { ControlsSection } from './training/ControlsSection';
import { DataSection } from './training/DataSection';
import { GradientSection } from './training/GradientSection';
import { NeuronsSection, WeightsSection } from './training/InsideSection';
import { LossSection } from './training/LossSection';
import { RunBar } from './training/RunBar';
import { SamplesSection } from './training/SamplesSection';
import { SaveSection } from './training/SaveSection';

export function TrainingPanel() {
  const { t } = useTranslation();
  useEffect(() => {
    void initTraining();
  }, []);
  return (
    <div className="training">
      <p className="lesson">{t('training.intro')}</p>
      <RunBar />
      <div className="training__columns">
        <div className="training__side">
          <DataSection />
          <ControlsSection />
        </div>
        <div className="training__main">
          <LossSection />
          <SamplesSection />
          <GradientSection />
          <NeuronsSection />
          <WeightsSection />
          <SaveSection />
        </div>
      </div>
    </div>
  );
}
