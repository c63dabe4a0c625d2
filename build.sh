#!/usr/bin/env bash
# Builds, serves and tests Ouroboros.
#   ./build.sh                  build the site into dist/
#   ./build.sh serve [flags]    build, then serve dist/ on http://127.0.0.1:8080
#                               (PORT=9000 or -port 9000 changes the port; -allow-framing for embeds)
#   ./build.sh test             every test: Go unit tests, then the browser tests in Chromium
#   ./build.sh bench            sizes, native benchmarks and the page's timings in Chromium,
#                               each beside a minimal Ebitengine program's (the floor)
#   ./build.sh kiosk            one kiosk program with the site inside: bin/ouroboros-kiosk
#   ./build.sh soak             the kiosk's attract loop for 20 minutes (SOAK_MINUTES=5 for 5),
#                               sampling both heaps; on demand, not part of test
#   ./build.sh validate FILE... check datasets against the format
#   ./build.sh import DIR OUT.json
#                               convert a folder of CSV files (data/template is
#                               one) to a dataset; nothing is written on a problem
# SITE_URL=https://example.org/ouroboros/ makes the link-preview card's address
# absolute (link previews want that); without it the address is relative.
set -euo pipefail
cd "$(dirname "$0")"
# Go lives here on this project's machines; a login shell may not have it on PATH.
[[ -d /usr/local/go/bin ]] && export PATH="$PATH:/usr/local/go/bin"

# The pure packages: they must never import the engine or the browser, so
# that they test natively and stay reusable (house style).
PURE=(./wasm/dataset ./wasm/jsonout ./wasm/words ./wasm/glyphs ./wasm/sheets ./wasm/wording ./wasm/loops ./wasm/analysis ./wasm/layout ./wasm/session ./wasm/scene ./wasm/page ./wasm/poster ./wasm/editor)

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

# No inlining in the standard library, except in the runtime and in what
# a frame leans on (math, sync, syscall/js): the program is about 150 KB
# smaller with brotli (issue 9's budget is 2.2 MB) and, measured with
# ./build.sh bench, no slower to start or per frame (see BENCHMARKS.md).
NOSTDINLINE=(-gcflags=std=-l -gcflags=runtime= '-gcflags=internal/...=' -gcflags=math=
  -gcflags=math/bits= -gcflags=sync= -gcflags=sync/atomic= -gcflags=syscall/js=)

build() {
  check_pure
  rm -rf dist
  mkdir -p dist/data
  GOOS=js GOARCH=wasm go build -trimpath "${NOSTDINLINE[@]}" -ldflags='-s -w' -o dist/ouroboros.wasm ./wasm/cmd/explainer
  # The editor page's program: the pure packages and syscall/js, no engine.
  GOOS=js GOARCH=wasm go build -trimpath "${NOSTDINLINE[@]}" -ldflags='-s -w' -o dist/editor.wasm ./wasm/cmd/editor
  # wasm_exec.js must match the Go that built the binary, so it is copied
  # at build time and never committed.
  cp "$(wasm_exec)" dist/wasm_exec.js
  # The page's modules: main.js, the entry, imports the others.
  cp web/index.html web/main.js web/dom.js web/words.js web/app.js web/geometry.js web/poster.js web/story.js web/messages.js web/twin.js web/legend.js web/kiosk.js web/sheet.js web/theme.js web/style.css web/sw.js web/editor.html web/editor.js web/editor.css dist/
  # embed.js and the demo keep their names: host pages link to embed.js.
  cp web/embed.js web/embed-demo.html web/embed-demo.css web/favicon.svg web/favicon.ico dist/
  local f
  while IFS= read -r -d '' f; do
    mkdir -p "dist/data/$(dirname "$f")"
    cp "data/$f" "dist/data/$f"
  done < <(cd data && find . -name '*.json' -not -path '*/testdata/*' -print0)
  # The poster: the bundled network drawn at build time with the program's
  # own layout and frame code, shown while the program downloads (inline
  # in index.html, the first paint, placed by rules written into style.css;
  # the tall one in portrait windows; also as poster.svg and
  # poster-tall.svg), as the link-preview
  # card (poster.png, a stable name), and with the dataset's tables for
  # readers without JavaScript. SITE_URL
  # (e.g. https://example.org/ouroboros/) makes the card's address absolute,
  # as link previews want; without it the address is relative.
  go run ./wasm/cmd/poster -data data/ai-compute.json -path data/ai-compute.json -dir dist -page index.html -css style.css
  # Content-hashed names for what the page loads (dist/index.html is
  # rewritten to them, and each module's imports to the hashed names of the
  # modules it imports; <html> gets data-wasm, the program's hashed name,
  # and data-wasm-bytes and data-wasm-size, its size in bytes and in words,
  # for the loader's progress bar), then a .br and
  # a .gz next to every compressible file; sw.js, the kiosk's service worker,
  # gets the list of files to keep offline and a version that changes with
  # them. What the first paint waits for, the style sheet and theme.js, goes
  # into index.html itself, with their hashes in index.html.csp for the
  # server's Content-Security-Policy (issue 19: the first paint then waits
  # for no second request). The editor page (editor.html) is packed the same
  # way with its own program, editor.wasm. Prints what the page downloads.
  go run ./web/cmd/pack -dir dist -page index.html -wasm ouroboros.wasm -hash main.js,dom.js,words.js,geometry.js,app.js,poster.js,story.js,messages.js,twin.js,legend.js,kiosk.js,sheet.js,theme.js,style.css,wasm_exec.js \
    -inline style.css,theme.js \
    -more editor.html:editor.wasm:editor.js,dom.js,style.css,editor.css,wasm_exec.js -sw sw.js
  echo "built dist/"
}

serve() {
  build
  go run ./web/cmd/serve -dir dist "$@"
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
  # The js programs outside wasm/ too: the bench's floor is built only by
  # ./build.sh bench, so a change to the bridge must not go unseen.
  GOOS=js GOARCH=wasm go vet ./wasm/... ./web/cmd/bench/floor
  go test -count=1 ./...
  # A bounded fuzz of the dataset loader, seeded with every file under data/
  # (the refused examples too): it must never panic and must return a valid
  # model or located problems. Quick minimizing keeps the time bounded; a
  # count of runs, not a duration, since a duration that ends while a worker
  # minimizes fails the run with "context deadline exceeded" (seen once).
  go test -run '^$' -fuzz '^FuzzLoad$' -fuzztime 500000x -fuzzminimizetime 5s ./wasm/dataset
  if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
    echo "build.sh: the browser tests need Debian's chromium (apt-get install -y chromium); see .ci/run" >&2
    exit 1
  fi
  go test -count=1 -tags browser -timeout 25m ./web/e2e/
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
  go run ./web/cmd/pack -dir dist -measure
  echo
  echo "== native benchmarks of the pure packages"
  go test -run '^$' -bench . -benchmem "${PURE[@]}"
  echo
  echo "== the page in headless Chromium"
  if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
    echo "build.sh: the browser figures need Debian's chromium (apt-get install -y chromium); see .ci/run" >&2
    exit 1
  fi
  local floor
  floor=$(mktemp -d)
  trap "rm -rf '$floor'" EXIT
  build_floor "$floor"
  go run ./web/cmd/bench -dir dist -floor "$floor"
}

# The engine's floor (web/cmd/bench/floor): three discs, built with the
# explainer's flags, for the bench to pack as the site is and to set beside
# it.
build_floor() {
  local dir=$1
  GOOS=js GOARCH=wasm go build -trimpath "${NOSTDINLINE[@]}" -ldflags='-s -w' -o "$dir/floor.wasm" ./web/cmd/bench/floor
  cp "$(wasm_exec)" "$dir/wasm_exec.js"
  cp web/cmd/bench/floor/index.html web/cmd/bench/floor/floor.js "$dir/"
}

# The kiosk program embeds the built site: dist/ is copied into the
# command's site/ (ignored by git), keeping the brotli copy only of each
# compressible file, and compiled in. KIOSK_GOOS and
# KIOSK_GOARCH build it for another machine (KIOSK_GOARCH=arm64 for a
# Raspberry Pi).
kiosk() {
  build
  local site=web/cmd/kiosk/site
  find "$site" -mindepth 1 -not -name README.txt -delete
  cp -R dist/. "$site/"
  # One copy of each compressible file, the brotli one, not three: the
  # program is half the size, and its server decompresses for the rare
  # client that cannot take brotli.
  go run ./web/cmd/pack -dir "$site" -brotli-only
  mkdir -p bin
  CGO_ENABLED=0 GOOS="${KIOSK_GOOS:-$(go env GOHOSTOS)}" GOARCH="${KIOSK_GOARCH:-$(go env GOHOSTARCH)}" \
    go build -trimpath -ldflags='-s -w' -o bin/ouroboros-kiosk ./web/cmd/kiosk
  echo "built bin/ouroboros-kiosk ($(du -h bin/ouroboros-kiosk | cut -f1)); run it, or see the README for starting it at boot"
}

# The soak run of issue 10: slow (20 minutes unless SOAK_MINUTES says
# otherwise), so never part of test.
soak() {
  build
  if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
    echo "build.sh: the soak run needs Debian's chromium (apt-get install -y chromium); see .ci/run" >&2
    exit 1
  fi
  go test -count=1 -v -tags 'browser soak' -run '^TestSoak$' -timeout 0 ./web/e2e/
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

import_csv() {
  if [[ $# -ne 2 ]]; then
    echo "usage: ./build.sh import DIR OUT.json" >&2
    exit 2
  fi
  local bin
  bin=$(mktemp -d)/import
  go build -o "$bin" ./wasm/cmd/import
  "$bin" "$@"
}

cmd=${1:-build}
[[ $# -gt 0 ]] && shift
case $cmd in
  build) build ;;
  serve) serve "$@" ;;
  test) run_tests ;;
  bench) bench ;;
  kiosk) kiosk ;;
  soak) soak ;;
  validate) validate "$@" ;;
  import) import_csv "$@" ;;
  *) echo "usage: ./build.sh [build|serve|test|bench|kiosk|soak|validate FILE...|import DIR OUT.json]" >&2; exit 2 ;;
esac
