#!/usr/bin/env bash
# Every test suite and gate, in order, with one closing count.
# Run through `npm test` (so node_modules/.bin, with the project's own Node, is first on PATH).
set -u
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export ASTRO_TELEMETRY_DISABLED=1

results_dir="test-results"
rm -rf "$results_dir" && mkdir -p "$results_dir"
passed=0
failed=0

# A gate that is one command: passes or fails as a whole.
gate() {
  local name="$1"
  shift
  echo "::: $name"
  if "$@" >"$results_dir/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "    ok"
  else
    failed=$((failed + 1))
    echo "    FAILED (last lines of $results_dir/$name.log):"
    tail -n 30 "$results_dir/$name.log" | sed 's/^/    /'
  fi
}

# A Vitest suite: every test counts on its own.
suite() {
  local name="$1"
  shift
  echo "::: $name"
  vitest run "$@" --reporter=default --reporter=json --outputFile.json="$results_dir/$name.json" \
    >"$results_dir/$name.log" 2>&1
  local status=$?
  if [ -f "$results_dir/$name.json" ]; then
    read -r p f < <(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      // A file that fails to load has no failed tests of its own: count it once.
      const failed = r.numFailedTests || r.numFailedTestSuites || 0;
      console.log(r.numPassedTests, failed);
    ' "$results_dir/$name.json")
  else
    p=0
    f=1
  fi
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  echo "    $p passed, $f failed"
  if [ "$f" -gt 0 ]; then tail -n 60 "$results_dir/$name.log" | sed 's/^/    /'; fi
}

bash scripts/ensure-chromium.sh || echo "chromium is not available: browser tests will fail"

gate format prettier --check .
gate types astro check
suite unit --config vitest.config.ts
gate build node scripts/build.ts
if [ -d dist ]; then
  suite site --config tests/site/vitest.config.ts
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
