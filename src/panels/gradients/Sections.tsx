// The parts of the view only some experiments have: clipping (E5) and truncation (E7).
import type { ClipResult, TruncationResult } from '../../engine/experiments';
import { ClipScatter } from '../../viz/ClipScatter';
import { formatNorm, formatSignificant } from '../../content/format';
import { ShowData } from '../../viz/ShowData';

export function ClipSection({ clip }: { clip: ClipResult }) {
  return (
    <section className="gf-clip" aria-labelledby="gf-clip-h">
      <h2 id="gf-clip-h">Before and after clipping</h2>
      <div className="gf-pair">
        <ClipScatter
          before={clip.before}
          after={clip.after}
          title="Each entry of dL/dW_hh before (across) and after clipping (up)"
          description={`Mode ${clip.mode}, threshold ${formatSignificant(clip.threshold)}. Cosine between the gradients ${clip.cosine.toFixed(6)}.`}
        />
        <dl className="gf-numbers">
          <dt>‖g‖ before</dt>
          <dd data-testid="clip-before">{formatNorm(clip.normBefore)}</dd>
          <dt>‖ĝ‖ after</dt>
          <dd data-testid="clip-after">{formatNorm(clip.normAfter)}</dd>
          <dt>cos(ĝ, g)</dt>
          <dd data-testid="clip-cosine">{clip.cosine.toFixed(6)}</dd>
          <dt>entries changed</dt>
          <dd>{(100 * clip.changedFraction).toFixed(1)} %</dd>
        </dl>
      </div>
      <ShowData
        name="clipping"
        caption="Gradient norm of each parameter before and after clipping"
        columns={['parameter', 'before', 'after']}
        rows={[
          ...clip.tensors.map((t) => [t.name, formatNorm(t.before), formatNorm(t.after)]),
          ['all (global)', formatNorm(clip.normBefore), formatNorm(clip.normAfter)],
        ]}
      />
    </section>
  );
}

export function TruncationSection({
  truncation: tr,
  T,
}: {
  truncation: TruncationResult;
  T: number;
}) {
  const reached = tr.dependency >= 0 && tr.truncated !== 0;
  return (
    <section className="gf-trunc" aria-labelledby="gf-trunc-h">
      <h2 id="gf-trunc-h">Does the dependency get any gradient?</h2>
      <p data-testid="trunc-verdict">
        {tr.dependency < 0
          ? `The dependency (${tr.delay} steps back) lies before the sequence starts; lengthen T.`
          : reached
            ? `The loss at step ${T} reaches h_${tr.dependency}, ${tr.delay} steps back: ‖∂ℓ_T/∂h_${tr.dependency}‖ = ${formatNorm(tr.truncated)} (the same as full BPTT).`
            : `Exactly zero: with chunks of K = ${tr.K}, the loss at step ${T} sends nothing to h_${tr.dependency}, ${tr.delay} steps back (full BPTT would send ${formatNorm(tr.full)}). The backward pass stops at h_${tr.reach}.`}
      </p>
    </section>
  );
}
