#!/usr/bin/env bash
# Build the standalone Linux bundle of TrustDesk, from a checkout, in one command:
#
#     packaging/build-linux.sh
#
# 1. finds a Python 3.12 or newer and makes (or reuses) a build venv in build/bundle/venv,
#    installing TrustDesk from this checkout and PyInstaller into it;
# 2. checks that the committed icons still match the SVG;
# 3. runs PyInstaller with packaging/trustdesk.spec into build/bundle/dist/TrustDesk
#    (a folder that runs without Python);
# 4. verifies from a listing that nothing network-related, no web engine, no QML and
#    no Qt translations are in the folder, and that no Python TLS or HTTP module is
#    in its archive (the listing is kept as build/bundle/listing.txt);
# 5. packs the folder, the desktop entry, the metainfo, the icons and install.sh into
#    dist/TrustDesk-VERSION-linux-x86_64.tar.gz.
#
# Needs network access for pip (or PIP_NO_INDEX/PIP_FIND_LINKS pointing at wheels),
# and binutils (PyInstaller reads ELF dependencies with objdump). Check the result with
# packaging/smoke.sh. Environment: TRUSTDESK_BUILD_DIR moves build/bundle elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${TRUSTDESK_BUILD_DIR:-$ROOT/build/bundle}
started=$(date +%s)
say() { printf '== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }
die() { printf 'build-linux: %s\n' "$*" >&2; exit 1; }
trap 'printf "build-linux: failed at line %s\n" "$LINENO" >&2' ERR

[ "$(uname -s)" = Linux ] || die "this script builds the Linux bundle; see packaging/README.md for Windows and macOS"
arch=$(uname -m)
command -v objdump >/dev/null || die "PyInstaller needs objdump: install binutils (apt-get install binutils)"

say "python"
python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }
PY=""
for candidate in ${PYTHON:-} python3.13 python3.12 python3 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.13*/bin/python3 \
        "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
        PY=$(command -v "$candidate"); break
    fi
done
[ -n "$PY" ] || die "no Python 3.12 or newer found (set PYTHON=/path/to/python3.12)"
"$PY" -c 'import sysconfig, sys; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))' ||
    die "$PY was built without a shared libpython, which PyInstaller needs (pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared)"
echo "$PY ($("$PY" --version))"

say "build venv"
VENV=$BUILD/venv
if ! { [ -x "$VENV/bin/python" ] && python_ok "$VENV/bin/python"; }; then
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$VENV/bin/pip" install -q "$ROOT" "pyinstaller>=6.10,<7"
# The same version number may be installed from an older checkout: replace it.
"$VENV/bin/pip" install -q --no-deps --force-reinstall "$ROOT"
version=$("$VENV/bin/python" -c 'import trustdesk; print(trustdesk.__version__)')
echo "TrustDesk $version, PyInstaller $("$VENV/bin/pyinstaller" --version)"

say "icons"
"$VENV/bin/python" packaging/make-icons.py --check ||
    die "the icons no longer match resources/icons/trustdesk.svg: run packaging/make-icons.py"

say "pyinstaller"
rm -rf "$BUILD/dist" "$BUILD/work"
frozen_started=$(date +%s.%N)
(cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$BUILD/dist" --workpath "$BUILD/work" "$ROOT/packaging/trustdesk.spec") \
    > "$BUILD/pyinstaller.log" 2>&1 || { tail -40 "$BUILD/pyinstaller.log" >&2; die "PyInstaller failed"; }
frozen_seconds=$(awk -v a="$frozen_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
BUNDLE=$BUILD/dist/TrustDesk
[ -x "$BUNDLE/trustdesk" ] || die "PyInstaller made no $BUNDLE/trustdesk"

say "verify what was left out"
listing=$BUILD/listing.txt
(cd "$BUNDLE" && find . -mindepth 1 | sed 's#^\./##' | sort) > "$listing"
# Libraries PyInstaller could not find here, needed by something that stayed in the bundle.
missing=$(sed -n "s/.*could not resolve '\([^']*\)', dependency of '\([^']*\)'.*/\1 \2/p" \
              "$BUILD/pyinstaller.log" | while read -r library user; do
              if grep -q "/$(basename "$user")\$" "$listing"; then echo "$library"; fi
          done | sort -u | tr '\n' ' ')
[ -z "$missing" ] || echo "note: not on this build machine, so not bundled (the laptop must have them): $missing"
forbidden='QtNetwork|libQt6Network|/plugins/(tls|networkinformation|networkaccess)/|WebEngine|QtWebView|QtWebSockets|libQt6(Qml|Quick)|/qml/|QtQml|QtQuick|/translations/|\.qm$|libssl|_ssl\.|libqvnc|qtuiotouch|libqgtk3|libQt6EglFS'
if grep -E "$forbidden" "$listing"; then
    die "the files above must not be in the bundle"
fi
# The Python modules frozen into the executable's archive.
"$VENV/bin/python" - "$BUNDLE/trustdesk" > "$BUILD/python-modules.txt" <<'EOF'
import sys
from PyInstaller.archive.readers import CArchiveReader

archive = CArchiveReader(sys.argv[1])
for name, (*_, kind) in archive.toc.items():
    if kind == "z":  # the PYZ archive of Python modules
        print("\n".join(sorted(archive.open_embedded_archive(name).toc)))
EOF
[ -s "$BUILD/python-modules.txt" ] || die "could not list the Python modules in the bundle"
if grep -E '^(ssl|http|urllib\.request|xmlrpc|ftplib|smtplib|asyncio|PySide6\.(QtNetwork|QtWebEngine.*|QtQml|QtQuick))(\.|$)' \
        "$BUILD/python-modules.txt"; then
    die "the Python modules above must not be in the bundle"
fi
grep -qx 'trustdesk.cli' "$BUILD/python-modules.txt" || die "trustdesk.cli is missing from the bundle"
echo "absent: Qt network module and its TLS/network plugins, web engine, QML/Quick, Qt translations,"
echo "        OpenSSL's libssl, Python's ssl/http/urllib.request/asyncio; $(wc -l < "$listing") files checked"

# The newest glibc symbol version anything in the bundle uses: the oldest glibc it runs on.
glibc=$(find "$BUNDLE" -type f \( -name '*.so*' -o -name trustdesk \) -exec objdump -T {} + 2>/dev/null |
        grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -k3,3n -u | tail -1)
echo "runs on Linux with glibc ${glibc:-?} or newer"

say "archive"
name=TrustDesk-$version-linux-$arch
stage=$BUILD/stage/$name
rm -rf "$BUILD/stage"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/icons"
cp -a "$BUNDLE" "$stage/TrustDesk"
cp packaging/linux/org.trustdesk.TrustDesk.desktop "$stage/share/applications/"
cp packaging/linux/org.trustdesk.TrustDesk.metainfo.xml "$stage/share/metainfo/"
cp -r packaging/linux/icons/hicolor "$stage/share/icons/"
cp packaging/install.sh "$stage/install.sh"
chmod 755 "$stage/install.sh"
cat > "$stage/README.txt" <<EOF
TrustDesk $version for Linux ($arch): a private, offline journal.

Install for yourself (no administrator rights needed):   ./install.sh
Remove it again (your journal is kept):                  ./install.sh --uninstall
Or run it from here without installing:                  ./TrustDesk/trustdesk

It installs into ~/.local/opt/TrustDesk, adds TrustDesk to your application menu, and
links ~/.local/bin/trustdesk. Your journal lives in ~/.local/share/TrustDesk.
EOF
mkdir -p "$ROOT/dist"
archive="$ROOT/dist/$name.tar.gz"
tar -C "$BUILD/stage" --sort=name --owner=0 --group=0 --numeric-owner -cf - "$name" \
    | gzip -6n > "$archive"

say "done"
folder_mb=$(du -sm "$BUNDLE" | cut -f1)
archive_mb=$(awk -v s="$(stat -c %s "$archive")" 'BEGIN { printf "%.1f", s / 1048576 }')
echo "bundle folder: $BUNDLE (${folder_mb} MB)"
echo "archive:       $archive (${archive_mb} MB)"
echo "PyInstaller:   ${frozen_seconds} s; whole build $(( $(date +%s) - started )) s"
echo "needs:         glibc ${glibc:-?} or newer"
echo "check it with: packaging/smoke.sh $archive"
