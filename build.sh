#!/usr/bin/env bash
# Builds, serves and tests Ouroboros.
#   ./build.sh                  build the site into dist/
#   ./build.sh serve [flags]    build, then serve dist/ on http://127.0.0.1:8080
#                               (PORT=9000 or -port 9000 changes the port; -allow-framing for embeds)
#   ./build.sh test             every test: Go unit tests, then the browser tests in Chromium
#   ./build.sh bench            sizes, native benchmarks and the page's timings in Chromium
#   ./build.sh validate FILE... check datasets against the format
set -euo pipefail
cd "$(dirname "$0")"
# Go lives here on this project's machines; a login shell may not have it on PATH.
[[ -d /usr/local/go/bin ]] && export PATH="$PATH:/usr/local/go/bin"

# The pure packages: they must never import the engine or the browser, so
# that they test natively and stay reusable (house style).
PURE=(./wasm/dataset ./wasm/loops ./wasm/analysis ./wasm/layout ./wasm/scene ./wasm/view)

check_pure() {
  # Every non-standard package the pure ones depend on, with its imports:
  # none may be the engine, or import it or syscall/js (the standard
  # library itself uses syscall/js under js/wasm, which is fine).
  local goos bad
  for goos in "$(go env GOHOSTOS)/$(go env GOHOSTARCH)" js/wasm; do
    bad=$(GOOS=${goos%/*} GOARCH=${goos#*/} go list -deps \
      -f '{{if not .Standard}}{{.ImportPath}} imports {{join .Imports " "}}{{end}}' "${PURE[@]}" |
      grep -E '(^github.com/hajimehoshi/ebiten| github.com/hajimehoshi/ebiten| syscall/js( |$))' || true)
    if [[ -n $bad ]]; then
      echo "build.sh: the pure packages (${PURE[*]}) must not depend on the engine or the browser ($goos):" >&2
      echo "$bad" >&2
      exit 1
    fi
  done
}

wasm_exec() {
  local root
  root=$(go env GOROOT)
  for f in "$root/lib/wasm/wasm_exec.js" "$root/misc/wasm/wasm_exec.js"; do
    [[ -f $f ]] && { echo "$f"; return; }
  done
  echo "build.sh: wasm_exec.js not found in $root" >&2
  exit 1
}

build() {
  check_pure
  rm -rf dist
  mkdir -p dist/data
  # No inlining in the standard library, except in the runtime and in what
  # a frame leans on (math, sync, syscall/js): the program is about 150 KB
  # smaller with brotli (issue 9's budget is 2.2 MB) and, measured with
  # ./build.sh bench, no slower to start or per frame (see BENCHMARKS.md).
  local nostdinline=(-gcflags=std=-l -gcflags=runtime= '-gcflags=internal/...=' -gcflags=math=
    -gcflags=math/bits= -gcflags=sync= -gcflags=sync/atomic= -gcflags=syscall/js=)
  GOOS=js GOARCH=wasm go build -trimpath "${nostdinline[@]}" -ldflags='-s -w' -o dist/ouroboros.wasm ./wasm
  # wasm_exec.js must match the Go that built the binary, so it is copied
  # at build time and never committed.
  cp "$(wasm_exec)" dist/wasm_exec.js
  cp web/index.html web/app.js web/twin.js web/style.css dist/
  local f
  while IFS= read -r -d '' f; do
    mkdir -p "dist/data/$(dirname "$f")"
    cp "data/$f" "dist/data/$f"
  done < <(cd data && find . -name '*.json' -not -path '*/testdata/*' -print0)
  # Content-hashed names for what the page loads (dist/index.html is
  # rewritten to them; <html> gets data-wasm, the program's hashed name, and
  # data-wasm-bytes, its size, for the loader's progress bar), then a .br and
  # a .gz next to every compressible file. Prints what the page downloads.
  go run ./web/pack/cmd/pack -dir dist -page index.html -wasm ouroboros.wasm -hash app.js,twin.js,style.css,wasm_exec.js
  echo "built dist/"
}

serve() {
  build
  go run ./web/server/cmd/serve -dir dist "$@"
}

run_tests() {
  build
  local unformatted
  unformatted=$(gofmt -l wasm web data 2>/dev/null || true)
  if [[ -n $unformatted ]]; then
    echo "build.sh: gofmt would change: $unformatted" >&2
    exit 1
  fi
  go vet ./...
  GOOS=js GOARCH=wasm go vet ./wasm/...
  go test -count=1 ./...
  if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
    echo "build.sh: the browser tests need Debian's chromium (apt-get install -y chromium); see .ci/run" >&2
    exit 1
  fi
  go test -count=1 -tags browser -timeout 15m ./web/e2e/
}

# Prints every figure of issue 9 in one run: sizes, native benchmarks of the
# pure packages, and the page in headless Chromium. BENCHMARKS.md records
# them with the machine.
bench() {
  build
  echo
  echo "== machine"
  echo "nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); $(go version)"
  echo
  echo "== sizes: the program and everything the page downloads (bytes; 1 MB = 1,000,000)"
  go run ./web/pack/cmd/pack -dir dist -measure
  echo
  echo "== native benchmarks of the pure packages"
  go test -run '^$' -bench . -benchmem "${PURE[@]}"
  echo
  echo "== the page in headless Chromium"
  if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
    echo "build.sh: the browser figures need Debian's chromium (apt-get install -y chromium); see .ci/run" >&2
    exit 1
  fi
  go run ./web/e2e/bench -dir dist
}

validate() {
  if [[ $# -eq 0 ]]; then
    echo "usage: ./build.sh validate FILE..." >&2
    exit 2
  fi
  local bin
  bin=$(mktemp -d)/validate
  go build -o "$bin" ./wasm/cmd/validate
  "$bin" "$@"
}

cmd=${1:-build}
[[ $# -gt 0 ]] && shift
case $cmd in
  build) build ;;
  serve) serve "$@" ;;
  test) run_tests ;;
  bench) bench ;;
  validate) validate "$@" ;;
  *) echo "usage: ./build.sh [build|serve|test|bench|validate FILE...]" >&2; exit 2 ;;
esac
