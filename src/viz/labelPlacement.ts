// Places labels along one axis so that none overlaps the next: each label stays as close to its
// own anchor as it can, in the anchors' order, at least `gap` apart and within [lo, hi] when they
// fit (otherwise they keep the gap and run past `hi`). Pure: the charts call it with pixels.

/**
 * Positions for labels anchored at `anchors` (any order; the result is in the same order).
 * Labels that overlap are pushed apart symmetrically about their cluster's centre.
 */
export function spreadLabels(
  anchors: readonly number[],
  gap: number,
  lo = -Infinity,
  hi = Infinity,
): number[] {
  const order = anchors.map((a, i) => ({ a, i })).sort((p, q) => p.a - q.a || p.i - q.i);
  // Clusters of labels that must sit `gap` apart: each starts centred on its anchors' mean and
  // merges with the cluster before it while they overlap.
  const clusters: { start: number; members: number[] }[] = [];
  const place = (members: number[]): number => {
    const mean = members.reduce((s, k) => s + order[k]!.a, 0) / members.length;
    const span = (members.length - 1) * gap;
    const top = Math.max(lo, Math.min(mean - span / 2, hi - span));
    return Number.isFinite(top) ? top : mean - span / 2;
  };
  order.forEach((_, k) => {
    let cluster = { start: 0, members: [k] };
    cluster.start = place(cluster.members);
    for (;;) {
      const prev = clusters.at(-1);
      if (prev === undefined) break;
      const prevEnd = prev.start + (prev.members.length - 1) * gap;
      if (prevEnd + gap <= cluster.start) break;
      clusters.pop();
      cluster = { start: 0, members: [...prev.members, ...cluster.members] };
      cluster.start = place(cluster.members);
    }
    clusters.push(cluster);
  });
  const out = new Array<number>(anchors.length);
  for (const c of clusters)
    c.members.forEach((k, n) => {
      out[order[k]!.i] = c.start + n * gap;
    });
  return out;
}
