#!/usr/bin/env bash
# Build a Debian package of TrustDesk from the Linux bundle, in one command:
#
#     packaging/build-deb.sh [BUNDLE_FOLDER]
#
# BUNDLE_FOLDER defaults to build/bundle/dist/TrustDesk; when it is missing,
# packaging/build-linux.sh builds it first. The package:
#   /opt/trustdesk/                 the bundle (runs without Python)
#   /usr/bin/trustdesk              a link to /opt/trustdesk/trustdesk
#   /usr/share/applications/, /usr/share/metainfo/, /usr/share/icons/hicolor/
#                                   the menu entry, AppStream metainfo and icons
#                                   from packaging/linux/ (the only copy)
#   /usr/share/doc/trustdesk/       copyright and changelog
#   /usr/share/man/man1/trustdesk.1.gz
# Each person's journal stays in their own folder (~/.local/share/TrustDesk); the
# package writes nothing there and nothing in /opt changes at run time.
#
# Depends: the system libraries the bundle does not carry (found from the ELF files'
# NEEDED entries), libc6 at least as new as the newest glibc symbol the bundle uses.
# Needs dpkg-deb 1.19 or newer (--root-owner-group: no fakeroot needed). Checks the
# result with desktop-file-validate, appstreamcli and lintian when they are installed
# (apt-get install desktop-file-utils appstream lintian) and fails on any lintian
# error (TRUSTDESK_DEB_LINTIAN=no skips lintian). Install it with
# `apt install ./dist/trustdesk_VERSION-1_ARCH.deb`; check it with
# `packaging/smoke.sh /opt/trustdesk`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${TRUSTDESK_BUILD_DIR:-$ROOT/build/bundle}
REVISION=${TRUSTDESK_DEB_REVISION:-1}
# Whoever publishes the package sets a real address; .invalid is reserved for "none".
MAINTAINER=${TRUSTDESK_DEB_MAINTAINER:-"The TrustDesk developers <developers@trustdesk.invalid>"}
APP_ID=org.trustdesk.TrustDesk
say() { printf '== %s\n' "$*"; }
die() { printf 'build-deb: %s\n' "$*" >&2; exit 1; }

command -v dpkg-deb >/dev/null || die "dpkg-deb is missing: build on Debian or Ubuntu"
command -v patchelf >/dev/null || die "patchelf is missing: apt-get install patchelf"
bundle=${1:-$BUILD/dist/TrustDesk}
if [ ! -x "$bundle/trustdesk" ] && [ $# -eq 0 ]; then
    say "no bundle yet: packaging/build-linux.sh"
    packaging/build-linux.sh
fi
[ -x "$bundle/trustdesk" ] || die "$bundle/trustdesk is not there (run packaging/build-linux.sh)"
bundle=$(cd "$bundle" && pwd)

version=$("$bundle/trustdesk" --version | sed -n 's/^TrustDesk \([0-9][0-9a-z.+~]*\)$/\1/p')
[ -n "$version" ] || die "could not read the version from $bundle/trustdesk --version"
grep -q "<release version=\"$version\"" packaging/linux/$APP_ID.metainfo.xml ||
    die "the bundle is TrustDesk $version, but the metainfo's releases don't list it (an old bundle?)"
arch=$(dpkg --print-architecture)
package=trustdesk_${version}-${REVISION}_${arch}
stage=$BUILD/deb/$package
say "TrustDesk $version, $arch: $bundle"

say "stage"
rm -rf "$BUILD/deb"
mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/metainfo" "$stage/usr/share/icons" "$stage/usr/share/doc/trustdesk" \
    "$stage/usr/share/man/man1" "$stage/usr/share/lintian/overrides" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/trustdesk"
# Only the program is executable; shared libraries and data are not (Debian policy).
find "$stage/opt/trustdesk" -type d -exec chmod 755 {} +
find "$stage/opt/trustdesk" -type f -exec chmod 644 {} +
chmod 755 "$stage/opt/trustdesk/trustdesk"
# A Python built outside /usr (pyenv) leaves its build folder in the RUNPATH of
# libpython and its modules: drop search paths that point outside the bundle.
find "$stage/opt/trustdesk" -type f -name '*.so*' | while read -r elf; do
    rpath=$(patchelf --print-rpath "$elf" 2>/dev/null) || continue
    [ -n "$rpath" ] || continue
    kept=$(tr ':' '\n' <<< "$rpath" | grep '^\$ORIGIN' | paste -sd: || true)
    if [ "$kept" != "$rpath" ]; then
        if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$elf"; else patchelf --remove-rpath "$elf"; fi
    fi
done
ln -s /opt/trustdesk/trustdesk "$stage/usr/bin/trustdesk"
install -m 644 packaging/linux/$APP_ID.desktop "$stage/usr/share/applications/"
install -m 644 packaging/linux/$APP_ID.metainfo.xml "$stage/usr/share/metainfo/"
cp -r packaging/linux/icons/hicolor "$stage/usr/share/icons/"
find "$stage/usr/share/icons" -type d -exec chmod 755 {} +
find "$stage/usr/share/icons" -type f -exec chmod 644 {} +

date=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")
doc=$stage/usr/share/doc/trustdesk
cat > "$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: TrustDesk
Comment: /opt/trustdesk is a PyInstaller bundle. Besides TrustDesk it carries
 CPython, Qt 6 and PySide6 (from the PySide6-Essentials wheel), sqlcipher3 with
 SQLCipher, platformdirs, jeepney, and the shared libraries they load that the system
 may not have. Their licences are listed below.

Files: *
Copyright: 2026 The TrustDesk developers
License: GPL-3+

Files: opt/trustdesk/_internal/PySide6/* opt/trustdesk/_internal/shiboken6/*
 opt/trustdesk/_internal/libQt6* opt/trustdesk/_internal/libpyside6*
 opt/trustdesk/_internal/libshiboken6*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 Qt and PySide6 are used under the GNU Lesser General Public License version 3;
 on Debian systems see /usr/share/common-licenses/LGPL-3.

Files: opt/trustdesk/_internal/libpython3* opt/trustdesk/_internal/base_library.zip
 opt/trustdesk/_internal/python3*
Copyright: Python Software Foundation
License: PSF-2
 The Python Software Foundation License Version 2, https://docs.python.org/3/license.html

Files: opt/trustdesk/_internal/sqlcipher3/*
Copyright: Zetetic LLC; Charles Leifer; Gerhard Haering
License: BSD-3-clause and Zlib
 SQLCipher is under a BSD-style licence, the sqlcipher3 module under the zlib licence.

Files: opt/trustdesk/_internal/jeepney/*
Copyright: Thomas Kluyver and contributors
License: MIT
 jeepney (pure-Python D-Bus, used for reminders' desktop notifications) is under
 the MIT licence, https://gitlab.com/takluyver/jeepney/-/blob/master/LICENSE

License: GPL-3+
 This program is free software: you can redistribute it and/or modify it under
 the terms of the GNU General Public License as published by the Free Software
 Foundation, either version 3 of the License, or (at your option) any later
 version.
 .
 On Debian systems, the complete text of the GNU General Public License version 3
 can be found in /usr/share/common-licenses/GPL-3.
EOF
cat > "$doc/changelog.Debian" <<EOF
trustdesk ($version-$REVISION) stable; urgency=medium

  * TrustDesk $version, packaged from the standalone Linux bundle.

 -- $MAINTAINER  $date
EOF
gzip -9n "$doc/changelog.Debian"

# The manual page: what `trustdesk --help` says, and where the journal lives.
help=$("$bundle/trustdesk" --help | sed -e 's/\\/\\e/g' -e 's/^[.'"'"']/\\\&&/')
cat > "$stage/usr/share/man/man1/trustdesk.1" <<EOF
.TH TRUSTDESK 1 "$(date -d "$date" +%Y-%m-%d)" "TrustDesk $version" "User Commands"
.SH NAME
trustdesk \\- a private, offline journal for learning to trust again
.SH SYNOPSIS
.B trustdesk
[\\fIoptions\\fR] [\\fICOMMAND\\fR]
.SH DESCRIPTION
With no command, TrustDesk opens its window: a short guide about trust, an
encrypted journal with check-ins, and a worksheet for working through a fear.
The commands work without a window.
.PP
.nf
$help
.fi
.SH FILES
.TP
.I ~/.local/share/TrustDesk/
Your journal (one encrypted file) and its backups, unless \\fB\\-\\-data\\-dir\\fR or
\\fBTRUSTDESK_DATA_DIR\\fR says otherwise. Removing the package leaves it there.
.SH NOTES
TrustDesk has no network code: no accounts, no sync, no update check.
It educates; it does not diagnose or treat anything.
EOF
gzip -9n "$stage/usr/share/man/man1/trustdesk.1"

# What lintian flags in any self-contained bundle, and why each is fine here.
cat > "$stage/usr/share/lintian/overrides/trustdesk" <<'EOF'
# A third-party add-on application installs under /opt, as the FHS reserves it for.
trustdesk: dir-or-file-in-opt [opt/trustdesk/*]
# The bundle carries its own Python, Qt and client libraries, so it runs the same
# on every distribution it supports; they are not linked against the system's.
trustdesk: embedded-library *[opt/trustdesk/_internal/*]
# Python's own modules that call nothing from libc (as in Python built anywhere).
trustdesk: library-not-linked-against-libc [opt/trustdesk/_internal/python3.*/lib-dynload/*]
# Not a package of Debian's archive: there is no bug report for it to close.
trustdesk: initial-upload-closes-no-bugs [usr/share/doc/trustdesk/changelog.Debian.gz:1]
EOF

say "control"
# Libraries the bundle's ELF files need that it does not carry: from the system.
carried=$(find "$stage/opt/trustdesk" \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u)
elfs=$(find "$stage/opt/trustdesk" -type f \( -name '*.so*' -o -name trustdesk \))
needed=$(for elf in $elfs; do objdump -p "$elf" 2>/dev/null | awk '$1 == "NEEDED" { print $2 }'; done |
         sort -u | grep -vxF "$carried" || true)
glibc=$(for elf in $elfs; do objdump -T "$elf" 2>/dev/null; done |
        grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -k3,3n -u | tail -1)
[ -n "$glibc" ] || die "could not find which glibc the bundle needs"
system_package() {  # the Debian package of a shared library, by soname
    local lib=$1 found
    case $lib in
        ld-linux*|libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|libresolv.so.*|librt.so.*|libutil.so.*)
            echo libc6; return ;;
        libgcc_s.so.1) echo libgcc-s1; return ;;
        libstdc++.so.6) echo libstdc++6; return ;;
    esac
    found=$(dpkg -S "*/$lib" 2>/dev/null | grep -v ': /opt/' | cut -d: -f1 | grep -v ',' |
            sort -u | head -1 || true)
    if [ -z "$found" ]; then  # not on this machine: Debian's naming rule for libraries
        local stem=${lib%%.so.*} soname=${lib##*.so.}
        stem=$(echo "$stem" | tr 'A-Z_' 'a-z-')
        case $stem in *[0-9]) found=$stem-$soname ;; *) found=$stem$soname ;; esac
    fi
    echo "$found"
}
depends="libc6 (>= $glibc)"
for package_name in $(for lib in $needed; do system_package "$lib"; done | sort -u); do
    [ "$package_name" = libc6 ] || depends="$depends, $package_name"
done
# Qt draws with the system's fonts; without any it shows empty boxes.
depends="$depends, fontconfig-config, fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation2"
installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: trustdesk
Version: $version-$REVISION
Architecture: $arch
Maintainer: $MAINTAINER
Installed-Size: $installed_size
Depends: $depends
Section: utils
Priority: optional
Description: private, offline journal for learning to trust again
 TrustDesk is a private, offline desktop app for people who are learning to
 trust again after being hurt: a short guide about trust, fear and small steps,
 an encrypted journal with optional mood and trust check-ins, and a guided
 worksheet for working through a fear.
 .
 Everything lives in one encrypted file in your own folder. TrustDesk has no
 network code at all: no accounts, no sync, no update check, no telemetry. It
 educates; it does not diagnose or treat anything.
 .
 This package carries its own Python and Qt in /opt/trustdesk.
EOF
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
    xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
sed -n 's/^Depends: /depends: /p' "$stage/DEBIAN/control"

say "dpkg-deb"
mkdir -p "$ROOT/dist"
deb=$ROOT/dist/$package.deb
# xz, not zstd: Debian's dpkg reads only xz (Ubuntu's reads both).
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null

say "check"
failed=0
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$stage/usr/share/applications/$APP_ID.desktop" && echo "desktop-file-validate: ok" || failed=1
fi
if command -v appstreamcli >/dev/null; then
    out=$(appstreamcli validate --no-net --strict "$stage/usr/share/metainfo/$APP_ID.metainfo.xml" 2>&1) &&
        echo "appstreamcli validate --strict: ok" || {
        # AppStream before 1.0 (Debian 12: 0.16) does not know 1.0's <developer> tag.
        issues=$(grep -E '^[EWI]: ' <<< "$out" || true)
        if [[ $(appstreamcli --version) =~ version:\ 0\. ]] &&
                [ "$(sed 's/^I: [^:]*:[0-9]*: //' <<< "$issues")" = "unknown-tag developer" ]; then
            echo "appstreamcli validate --strict: ok (AppStream $(appstreamcli --version | grep -o '[0-9.]*$') predates <developer>)"
        else
            echo "$out"; failed=1
        fi
    }
fi
if [ "${TRUSTDESK_DEB_LINTIAN:-yes}" = no ]; then
    echo "lintian: skipped (TRUSTDESK_DEB_LINTIAN=no)"
elif command -v lintian >/dev/null; then
    lintian_out=$BUILD/deb/lintian.txt
    code=0
    # Overridden tags show as "O:"; --fail-on would count them too, so count "E:".
    lintian --info --display-level '>=info' --show-overrides --fail-on none "$deb" > "$lintian_out" 2>&1 || code=$?
    printf 'lintian: %s errors, %s warnings, %s infos, %s overridden (in %s)\n' \
        "$(grep -c '^E: ' "$lintian_out" || true)" "$(grep -c '^W: ' "$lintian_out" || true)" \
        "$(grep -c '^I: ' "$lintian_out" || true)" "$(grep -c '^O: ' "$lintian_out" || true)" "$lintian_out"
    grep -E '^[EW]: ' "$lintian_out" | sed 's/^/  /' || true
    [ "$code" = 0 ] && ! grep -q '^E: ' "$lintian_out" || failed=1
else
    echo "lintian is not installed: apt-get install lintian"
fi
[ "$failed" = 0 ] || die "the checks above failed"

size_mb=$(awk -v s="$(stat -c %s "$deb")" 'BEGIN { printf "%.1f", s / 1048576 }')
say "done"
echo "package:    $deb (${size_mb} MB, installed $(( installed_size / 1024 )) MB)"
echo "needs:      glibc $glibc or newer"
echo "install:    apt install $deb"
echo "check:      packaging/smoke.sh /opt/trustdesk"
echo "remove:     apt remove trustdesk   (journals in home folders stay)"
