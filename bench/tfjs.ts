// The same training job in TensorFlow.js, two ways, each a full step through optimizer.minimize
// with tf.train.adam: one-hot chars → recurrent layer (returnSequences) → dense V → softmax CE.
//  - 'layers': tf.layers.simpleRNN / lstm / gru + tf.layers.dense, the input fed as one-hot
//    [B, T, V] (its input product is a dense [B, V]×[V, G·H] matmul per step: more FLOPs than ours;
//    tf.layers' GRU puts the reset gate before the recurrent product, Keras v1 style).
//  - 'hand': tf.variable weights and our own equations (PyTorch's, fused gate blocks), the input
//    projection and the head each as one product over all T·B positions ([T·B, V]×[V, G·H] with
//    one-hot rows, as tf.gather's gradient has no WASM kernel; [T·B, H]×[H, V]).
// Both run in float32 and do not carry the state between chunks (the same work per step).

import type * as TF from '@tensorflow/tfjs';
import { benchText, type JobConfig } from './ours.ts';
import type { Job } from './timing.ts';

export type TfVariant = 'layers' | 'hand';

/** Consecutive windows of the bench text: ids and next-char targets, stream-major [B, T]. */
function windows(V: number, B: number, T: number) {
  const ids = benchText(200_000, V);
  let pos = 0;
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  return {
    inputs,
    targets,
    next() {
      for (let b = 0; b < B; b++) {
        if (pos + T + 1 >= ids.length) pos = 0;
        for (let t = 0; t < T; t++) {
          inputs[b * T + t] = ids[pos + t]!;
          targets[b * T + t] = ids[pos + t + 1]!;
        }
        pos += T;
      }
    },
  };
}

function layersJob(tf: typeof TF, c: JobConfig): Job {
  const { V, H, T, B } = c;
  const model = tf.sequential();
  // glorotUniform rather than tf.layers' default orthogonal recurrent init: the same speed per step,
  // without a slow QR and its console warning at creation.
  const rnnArgs = {
    units: H,
    returnSequences: true,
    inputShape: [T, V],
    recurrentInitializer: 'glorotUniform' as const,
  };
  if (c.cell === 'rnn') model.add(tf.layers.simpleRNN({ ...rnnArgs, activation: 'tanh' }));
  else if (c.cell === 'lstm')
    model.add(tf.layers.lstm({ ...rnnArgs, recurrentActivation: 'sigmoid' }));
  else model.add(tf.layers.gru({ ...rnnArgs, recurrentActivation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: V }));
  const optimizer = tf.train.adam(1e-3);
  const data = windows(V, B, T);
  return {
    step() {
      data.next();
      const cost = tf.tidy(() => {
        const x = tf.oneHot(tf.tensor2d(data.inputs, [B, T], 'int32'), V).toFloat();
        const y = tf.oneHot(tf.tensor2d(data.targets, [B, T], 'int32'), V).toFloat();
        const loss = () =>
          tf.losses.softmaxCrossEntropy(
            y,
            model.apply(x, { training: true }) as TF.Tensor,
          ) as TF.Scalar;
        return optimizer.minimize(loss, true) as TF.Scalar; // returnCost: never null
      });
      cost.dataSync();
      cost.dispose();
      return B * T;
    },
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
}

function handJob(tf: typeof TF, c: JobConfig): Job {
  const { V, H, T, B } = c;
  const G = c.cell === 'rnn' ? 1 : c.cell === 'lstm' ? 4 : 3;
  const k = 1 / Math.sqrt(H);
  const u = (shape: number[]) => tf.tidy(() => tf.variable(tf.randomUniform(shape, -k, k)));
  const Wih = u([V, G * H]); // transposed: x·W
  const Whh = u([H, G * H]);
  const bih = u([G * H]);
  const bhh = u([G * H]);
  const Wy = u([H, V]);
  const by = u([V]);
  const vars = [Wih, Whh, bih, bhh, Wy, by];
  const optimizer = tf.train.adam(1e-3);
  const data = windows(V, B, T);
  // Time-major ids [T·B] for the gather, so step t's rows are contiguous.
  const idsTB = new Int32Array(T * B);
  const tgtTB = new Int32Array(T * B);

  function cellStep(x: TF.Tensor2D, h: TF.Tensor2D, cPrev: TF.Tensor2D | null) {
    if (c.cell === 'rnn') {
      return { h: tf.tanh(tf.add(x, tf.add(tf.matMul(h, Whh), bhh))) as TF.Tensor2D, c: null };
    }
    if (c.cell === 'lstm') {
      const a = tf.add(x, tf.add(tf.matMul(h, Whh), bhh));
      const [pi, pf, pg, po] = tf.split(a, 4, 1) as TF.Tensor2D[];
      const cNew = tf.add(tf.mul(tf.sigmoid(pf!), cPrev!), tf.mul(tf.sigmoid(pi!), tf.tanh(pg!)));
      return { h: tf.mul(tf.sigmoid(po!), tf.tanh(cNew)) as TF.Tensor2D, c: cNew as TF.Tensor2D };
    }
    const gh = tf.add(tf.matMul(h, Whh), bhh);
    const [xr, xz, xn] = tf.split(x, 3, 1) as TF.Tensor2D[];
    const [hr, hz, hn] = tf.split(gh, 3, 1) as TF.Tensor2D[];
    const r = tf.sigmoid(tf.add(xr!, hr!));
    const z = tf.sigmoid(tf.add(xz!, hz!));
    const n = tf.tanh(tf.add(xn!, tf.mul(r, hn!)));
    // h = (1 − z) n + z h_{t−1} = n + z (h_{t−1} − n)
    return { h: tf.add(n, tf.mul(z, tf.sub(h, n))) as TF.Tensor2D, c: null };
  }

  return {
    step() {
      data.next();
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++) {
          idsTB[t * B + b] = data.inputs[b * T + t]!;
          tgtTB[t * B + b] = data.targets[b * T + t]!;
        }
      }
      const cost = tf.tidy(() => {
        const x = tf.oneHot(tf.tensor1d(idsTB, 'int32'), V).toFloat();
        const y = tf.oneHot(tf.tensor1d(tgtTB, 'int32'), V).toFloat();
        return optimizer.minimize(
          () => {
            const xs = tf.split(tf.add(tf.matMul(x, Wih), bih), T, 0) as TF.Tensor2D[];
            let h = tf.zeros([B, H]) as TF.Tensor2D;
            let cs = c.cell === 'lstm' ? (tf.zeros([B, H]) as TF.Tensor2D) : null;
            const hs: TF.Tensor2D[] = [];
            for (let t = 0; t < T; t++) {
              const next = cellStep(xs[t]!, h, cs);
              h = next.h;
              cs = next.c;
              hs.push(h);
            }
            const logits = tf.add(tf.matMul(tf.concat(hs, 0), Wy), by);
            return tf.losses.softmaxCrossEntropy(y, logits);
          },
          true,
          vars,
        ) as TF.Scalar; // returnCost: never null
      });
      cost.dataSync();
      cost.dispose();
      return B * T;
    },
    dispose() {
      for (const v of vars) v.dispose();
      optimizer.dispose();
    },
  };
}

export function tfjsJob(tf: typeof TF, c: JobConfig, variant: TfVariant): Job {
  return variant === 'layers' ? layersJob(tf, c) : handJob(tf, c);
}
