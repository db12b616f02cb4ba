// The Time series view's words and equations: the step with the series' normalisation plugged in
// (the same as the engine's: x = (y − mean) / scale, ŷ = mean + scale·x̂), and the verdict.
import { describe, expect, it } from 'vitest';
import { lossTex, persistenceVerdict, stepTex } from '../../src/content/series';

describe('stepTex', () => {
  it('plugs the mean and scale into the input and the output, for values h steps ahead', () => {
    const tex = stepTex({ cell: 'GRU', mean: -10.5, scale: 3.5, horizon: 3, difference: false });
    expect(tex).toContain(String.raw`x_t &= \frac{y_t + 10.5}{3.5}`);
    expect(tex).toContain(String.raw`h_t &= \mathrm{GRU}(x_t,\ h_{t-1})`);
    expect(tex).toContain(String.raw`\hat x_{t+3} &= w^{\top} h_t + b`);
    expect(tex).toContain(String.raw`\hat y_{t+3} &= {-}10.5 + 3.5\,\hat x_{t+3}`);
  });

  it('adds the predicted change to the last value when the model learns the changes', () => {
    const tex = stepTex({ cell: 'LSTM', mean: 0.1147, scale: 1.228, horizon: 1, difference: true });
    expect(tex).toContain(String.raw`x_t &= \frac{(y_t - y_{t-1}) - 0.1147}{1.228}`);
    expect(tex).toContain(String.raw`\hat y_{t+1} &= y_t + 0.1147 + 1.228\,\hat x_{t+1}`);
  });
});

describe('the loss and the verdict', () => {
  it('writes the validation loss next to the last value’s', () => {
    expect(lossTex(0.23612, 1.2401, 300)).toBe(
      String.raw`\begin{aligned} L_{\text{val}} &= 0.236\ \text{at step } 300 \\ L_{\text{last value}} &= 1.24 \end{aligned}`,
    );
  });

  it('says whether the model beats the last value', () => {
    expect(persistenceVerdict(0.25, 1)).toMatch(/beats the last value: .* 25 %/);
    expect(persistenceVerdict(2.07, 1)).toMatch(/does not yet beat the last value \(.* 2\.07 ×/);
    expect(persistenceVerdict(NaN, 1)).toBe('');
  });
});
