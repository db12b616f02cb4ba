#!/usr/bin/env bash
# Forward-only against bidirectional GRU taggers of about the same parameter count, trained with
# the command line (one process, so one core): the future task at lookahead 0 to 20, and putting
# the spaces back in tinyshakespeare. Prints each run's summary; the figures are in
# docs/beyond-characters.md §5. Usage: scripts/compare-taggers.sh [OUT_DIR] (default: a temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
common=(--cell gru --optimizer adam --lr 1e-2 --batch 32 --seq 32 --seed 1 --eval-every 0)
engine() { npm run --silent engine -- "$@"; }

# Future task: bidirectional hidden 16 (2,244 parameters), forward-only hidden 24 (2,260).
for k in 0 1 3 5 10 15 20; do
  for way in forward bidirectional; do
    if [ "$way" = forward ]; then flags=(--hidden 24); else flags=(--hidden 16 --bidirectional); fi
    echo "== future, lookahead $k, $way"
    engine train --task future --lookahead "$k" "${common[@]}" "${flags[@]}" --steps 600 \
      --out "$out/future$k-$way.json" 2>/dev/null
  done
done

# Spaces: bidirectional hidden 32 (18,754 parameters), forward-only hidden 53 (18,870).
for way in forward bidirectional; do
  if [ "$way" = forward ]; then flags=(--hidden 53); else flags=(--hidden 32 --bidirectional); fi
  echo "== spaces, tinyshakespeare, $way"
  engine train --task spaces --corpus public/corpora/tinyshakespeare.txt "${common[@]}" \
    "${flags[@]}" --steps 1000 --out "$out/spaces-$way.json" 2>/dev/null
done
