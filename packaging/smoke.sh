#!/usr/bin/env bash
# Check a built TrustDesk bundle, as a person's laptop would run it:
#
#     packaging/smoke.sh [dist/TrustDesk-VERSION-linux-ARCH.tar.gz | BUNDLE_FOLDER]
#     packaging/smoke.sh /opt/trustdesk        # the installed Debian package
#
# (default: the newest archive in dist/). Everything runs with HOME and the XDG folders
# in a temporary folder, so nothing of yours is touched. It checks:
#   --version; `init` and `check` on a temporary journal (passphrase on stdin), and
#   that a wrong passphrase is refused; the window opening offscreen on the welcome
#   and the unlock screen with nothing on stderr (without network when `unshare -n`
#   is allowed); `desktop-entry install/uninstall` (validated with
#   desktop-file-validate when installed); for an archive, install.sh and
#   install.sh --uninstall in the temporary home. For the folder of an installed
#   Debian package (packaging/build-deb.sh): `trustdesk` on PATH, the window through
#   it, the journal landing in the (temporary) home's data folder, the system menu
#   entry, metainfo and icon, and `dpkg --verify` afterwards (nothing in the package
#   changed by running it).
# Then it times the launch to the first painted window (SMOKE_RUNS times, default 5)
# for the bundle and, for comparison, for the build venv's `trustdesk`
# (SMOKE_VENV_COMMAND overrides; the build venv is build/bundle/venv).
#
# The window quits by itself through TRUSTDESK_SMOKE_EXIT_AFTER_MS, a hook in
# trustdesk/ui/app.py: it prints "trustdesk: first paint at <unix time>" to stderr on
# the first paint and quits that many milliseconds later.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PASSPHRASE="lantern orbit pebble harbour"
RUNS=${SMOKE_RUNS:-5}
failures=0

pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
die() { printf 'smoke: %s\n' "$*" >&2; exit 2; }

target=${1:-$(ls -t dist/TrustDesk-*-linux-*.tar.gz 2>/dev/null | head -1 || true)}
[ -n "$target" ] || die "no bundle given and none in dist/ (run packaging/build-linux.sh)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/started"
archive=""
if [ -f "$target" ]; then
    archive=$target
    tar -xzf "$archive" -C "$work"
    unpacked=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)
    bundle=$unpacked/TrustDesk
else
    bundle=$(cd "$target" && pwd)
fi
exe=$bundle/trustdesk
[ -x "$exe" ] || die "$exe is not an executable"
echo "smoke: $target"

# A private home for everything below.
home=$work/home
mkdir -p "$home/.local/share" "$home/.config" "$home/.cache" "$work/runtime"
chmod 700 "$work/runtime"
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config \
    XDG_CACHE_HOME=$home/.cache XDG_RUNTIME_DIR=$work/runtime
unset TRUSTDESK_DATA_DIR
offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); fi

echo "command line"
version=$("$exe" --version 2>&1) || true
if [[ $version =~ ^TrustDesk\ [0-9]+\.[0-9]+ ]]; then pass "--version: $version"; else fail "--version said: $version"; fi
data=$work/journal
if out=$(printf '%s\n' "$PASSPHRASE" | "$exe" --data-dir "$data" init 2>&1); then
    pass "init: ${out}"
else
    fail "init: $out"
fi
if out=$(printf '%s\n' "$PASSPHRASE" | "$exe" --data-dir "$data" check 2>&1) && [ "$out" = ok ]; then
    pass "check: ok"
else
    fail "check said: $out"
fi
code=0; printf 'not the passphrase\n' | "$exe" --data-dir "$data" check >/dev/null 2>&1 || code=$?
if [ "$code" = 3 ]; then pass "a wrong passphrase is refused (exit 3)"; else fail "a wrong passphrase gave exit $code"; fi

echo "window (offscreen${offline:+, no network})"
for screen in welcome unlock; do
    folder=$work/empty; [ "$screen" = unlock ] && folder=$data
    code=0
    QT_QPA_PLATFORM=offscreen TRUSTDESK_SMOKE_EXIT_AFTER_MS=300 \
        timeout 60 "${offline[@]}" "$exe" --data-dir "$folder" > /dev/null 2> "$work/gui.err" || code=$?
    noise=$(grep -v '^trustdesk: first paint at ' "$work/gui.err" || true)
    if [ "$code" = 0 ] && grep -q '^trustdesk: first paint at ' "$work/gui.err" && [ -z "$noise" ]; then
        pass "the $screen screen paints and the app quits cleanly"
    else
        fail "the $screen screen: exit $code, stderr:"; sed 's/^/        /' "$work/gui.err"
    fi
done
[ ! -e "$work/empty" ] && pass "the welcome screen wrote nothing to disk" ||
    fail "the welcome screen created $work/empty"

echo "menu entry"
desktop=$XDG_DATA_HOME/applications/org.trustdesk.TrustDesk.desktop
if "$exe" desktop-entry install > /dev/null 2>&1 && grep -qx "Exec=$exe" "$desktop"; then
    pass "desktop-entry install: Exec=$exe"
else
    fail "desktop-entry install did not write Exec=$exe"
fi
if command -v desktop-file-validate > /dev/null; then
    if desktop-file-validate "$desktop"; then pass "desktop-file-validate"; else fail "desktop-file-validate"; fi
else
    echo "  skip  desktop-file-validate is not installed (apt-get install desktop-file-utils)"
fi
[ -f "$XDG_DATA_HOME/icons/hicolor/256x256/apps/org.trustdesk.TrustDesk.png" ] &&
    pass "icons installed" || fail "no 256x256 icon installed"
"$exe" desktop-entry uninstall > /dev/null 2>&1 || true
if [ ! -e "$desktop" ] && [ -z "$(find "$XDG_DATA_HOME/icons" -type f 2>/dev/null)" ]; then
    pass "desktop-entry uninstall removed the entry and icons"
else
    fail "desktop-entry uninstall left files behind"
fi

package=""
if command -v dpkg-query > /dev/null && dpkg-query -S "$exe" > /dev/null 2>&1; then
    package=$(dpkg-query -S "$exe" | cut -d: -f1)
fi
if [ -n "$package" ]; then
    echo "Debian package $package ($(dpkg-query -W -f '${Version}' "$package"))"
    on_path=$(command -v trustdesk || true)
    if [ "$on_path" = /usr/bin/trustdesk ] && [ "$(readlink -f "$on_path")" = "$(readlink -f "$exe")" ] &&
            [ "$(trustdesk --version 2>&1)" = "$version" ]; then
        pass "trustdesk on PATH is /usr/bin/trustdesk -> $exe: $version"
    else
        fail "trustdesk on PATH is '${on_path}', not a link to $exe"
    fi
    code=0
    QT_QPA_PLATFORM=offscreen TRUSTDESK_SMOKE_EXIT_AFTER_MS=300 \
        timeout 60 trustdesk > /dev/null 2> "$work/gui.err" || code=$?
    if [ "$code" = 0 ] && grep -q '^trustdesk: first paint at ' "$work/gui.err"; then
        pass "the window opens through trustdesk on PATH"
    else
        fail "trustdesk on PATH: exit $code"; sed 's/^/        /' "$work/gui.err"
    fi
    if printf '%s\n' "$PASSPHRASE" | trustdesk init > /dev/null 2>&1 &&
            [ -f "$XDG_DATA_HOME/TrustDesk/journal.trustdesk" ]; then
        pass "the journal is made in the person's own folder (\$XDG_DATA_HOME/TrustDesk)"
    else
        fail "trustdesk init did not make \$XDG_DATA_HOME/TrustDesk/journal.trustdesk"
    fi
    rm -rf "$XDG_DATA_HOME/TrustDesk"
    system_entry=/usr/share/applications/org.trustdesk.TrustDesk.desktop
    if grep -qx "Exec=trustdesk" "$system_entry" 2>/dev/null &&
            { ! command -v desktop-file-validate > /dev/null || desktop-file-validate "$system_entry"; }; then
        pass "menu entry $system_entry"
    else
        fail "no valid menu entry at $system_entry"
    fi
    metainfo=/usr/share/metainfo/org.trustdesk.TrustDesk.metainfo.xml
    if [ -f "$metainfo" ] && { ! command -v appstreamcli > /dev/null ||
            appstreamcli validate --no-net "$metainfo" > "$work/appstream.out" 2>&1; }; then
        pass "metainfo $metainfo"
    else
        fail "metainfo $metainfo:"; sed 's/^/        /' "$work/appstream.out" 2>/dev/null || true
    fi
    [ -f /usr/share/icons/hicolor/256x256/apps/org.trustdesk.TrustDesk.png ] &&
        [ -f /usr/share/icons/hicolor/scalable/apps/org.trustdesk.TrustDesk.svg ] &&
        pass "icons in /usr/share/icons/hicolor" || fail "icons missing from /usr/share/icons/hicolor"
fi

if [ -n "$archive" ]; then
    echo "install.sh"
    installed=$HOME/.local/opt/TrustDesk
    if "$unpacked/install.sh" > "$work/install.out" 2>&1 && [ -x "$installed/trustdesk" ] &&
            "$HOME/.local/bin/trustdesk" --version > /dev/null 2>&1 &&
            grep -qx "Exec=$installed/trustdesk" "$desktop"; then
        pass "installs into ~/.local/opt/TrustDesk with a menu entry and ~/.local/bin/trustdesk"
    else
        fail "install.sh:"; sed 's/^/        /' "$work/install.out"
    fi
    mkdir -p "$XDG_DATA_HOME/TrustDesk" && touch "$XDG_DATA_HOME/TrustDesk/journal.trustdesk"
    if "$installed/install.sh" --uninstall > "$work/install.out" 2>&1 && [ ! -e "$installed" ] &&
            [ ! -e "$desktop" ] && [ ! -L "$HOME/.local/bin/trustdesk" ] &&
            [ -f "$XDG_DATA_HOME/TrustDesk/journal.trustdesk" ]; then
        pass "install.sh --uninstall removes the app, entry and link, and keeps the journal"
    else
        fail "install.sh --uninstall:"; sed 's/^/        /' "$work/install.out"
    fi
fi

# Milliseconds from starting the command to its first paint, one line per run.
time_launches() {
    local i start code
    for i in $(seq "$RUNS"); do
        start=$(date +%s.%N)
        code=0
        QT_QPA_PLATFORM=offscreen TRUSTDESK_SMOKE_EXIT_AFTER_MS=0 \
            timeout 60 "$@" --data-dir "$data" > /dev/null 2> "$work/time.err" || code=$?
        [ "$code" = 0 ] || { echo "failed"; return; }
        awk -v start="$start" '/^trustdesk: first paint at / { printf "%.0f\n", ($5 - start) * 1000 }' \
            "$work/time.err"
    done
}
summary() { sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "median %d ms (min %d, max %d, %d runs)", v[int((NR + 1) / 2)], v[1], v[NR], NR; else printf "no runs" }'; }

echo "launch to first paint (unlock screen, warm disk cache)"
bundle_times=$(time_launches "$exe")
if [[ $bundle_times == *failed* ]]; then fail "a timed bundle launch failed"; else
    echo "  bundle: $(summary <<< "$bundle_times")"; fi
venv_command=${SMOKE_VENV_COMMAND:-$ROOT/build/bundle/venv/bin/trustdesk}
if [ -x "$venv_command" ]; then
    venv_times=$(time_launches "$venv_command")
    echo "  venv:   $(summary <<< "$venv_times")  ($venv_command)"
fi
echo "bundle size: $(du -sm "$bundle" | cut -f1) MB${archive:+; archive $(du -m "$archive" | cut -f1) MB}"

if [ -n "$package" ]; then
    # After everything above: not one file of the package was changed or added to.
    if dpkg --verify "$package" > "$work/verify.out" 2>&1 && [ ! -s "$work/verify.out" ] &&
            [ -z "$(find "$bundle" -newer "$work/started" -print -quit)" ]; then
        pass "dpkg --verify $package: nothing in the package changed, nothing was added to $bundle"
    else
        fail "running it changed the package:"; sed 's/^/        /' "$work/verify.out"
        find "$bundle" -newer "$work/started" | head | sed 's/^/        /'
    fi
fi

if [ "$failures" -gt 0 ]; then echo "smoke: $failures check(s) FAILED"; exit 1; fi
echo "smoke: all checks passed"
