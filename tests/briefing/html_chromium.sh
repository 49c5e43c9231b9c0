#!/bin/sh
# html_chromium.sh - the briefing's HTML page as a browser lays it out: Debian's Chromium loads a
# brief (the test morning, four stories) headless with a small check script added, and the
# script reports from inside the page that it is right to left (the document, the computed
# direction of the body, each headline starting at the right edge), that every story is there
# with its sentences and sources, and that nothing overflows the width. With a third argument it
# also saves a screenshot of the page (docs/briefing.png is one). Skipped (77) when Chromium is
# not installed (scripts/install-deps.sh installs it with ARS_WITH_CHROMIUM=1, as scripts/test.sh
# and so CI run it).
# Usage: html_chromium.sh SUMMARIZE_BINARY SOURCE_DIR [SCREENSHOT.png]
set -eu
BIN=$1
SRC=$2
SHOT=${3:-}
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
case "$SHOT" in /* | "") ;; *) SHOT=$(pwd)/$SHOT ;; esac
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "skip: no chromium"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BIN" --briefing -f html --input-format jsonl "$SRC/tests/data/briefing/morning.jsonl" > "$TMP/brief.html"
cat > "$TMP/check.js" <<'JS'
(function () {
  var bad = [];
  if (document.documentElement.dir !== 'rtl') bad.push('the page is not dir=rtl');
  if (getComputedStyle(document.body).direction !== 'rtl') bad.push('the body is not laid out rtl');
  var stories = document.querySelectorAll('main article');
  if (stories.length !== 4) bad.push(stories.length + ' stories, not 4');
  for (var i = 0; i < stories.length; i++) {
    var h = stories[i].querySelector('h2'), box = h.getBoundingClientRect();
    var r = document.createRange();
    r.setStart(h.firstChild, 0);
    r.setEnd(h.firstChild, 1);
    var first = r.getBoundingClientRect();
    if (first.right < box.right - 30) bad.push('headline ' + (i + 1) + ' does not start at the right');
    if (stories[i].querySelectorAll('li').length < 1) bad.push('story ' + (i + 1) + ' has no sentence');
    if (!/المصادر/.test(stories[i].querySelector('.sources').textContent)) bad.push('story ' + (i + 1) + ' has no sources');
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) bad.push('the page overflows its width');
  var p = document.createElement('p');
  p.id = 'ars-check';
  p.textContent = 'ARS-HTML-CHECK ' + (bad.length ? 'FAIL: ' + bad.join('; ') : 'ok');
  document.body.appendChild(p);
})();
JS
sed 's|</body>|<script src="check.js"></script>\n</body>|' "$TMP/brief.html" > "$TMP/check.html"
run_chrome() {
    timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-dev-shm-usage --no-first-run --user-data-dir="$TMP/profile" \
        --window-size=900,1400 "$@" 2> "$TMP/chrome.err"
}
run_chrome --virtual-time-budget=3000 --dump-dom "file://$TMP/check.html" > "$TMP/dom.html" || true
result=$(grep -o 'ARS-HTML-CHECK [^<]*' "$TMP/dom.html" || true)
if [ "$result" != "ARS-HTML-CHECK ok" ]; then
    echo "FAIL: ${result:-no result from the page}"
    tail -5 "$TMP/chrome.err"
    exit 1
fi
if [ -n "$SHOT" ]; then
    run_chrome --hide-scrollbars --screenshot="$SHOT" "file://$TMP/brief.html" || true
    [ -s "$SHOT" ] || { echo "FAIL: no screenshot"; tail -5 "$TMP/chrome.err"; exit 1; }
fi
echo "ok: $("$CHROME" --version 2>/dev/null | head -1) lays the brief out right to left"
