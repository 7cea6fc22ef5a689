#!/bin/sh
# Install TrustDesk for you alone, without administrator rights:
#   the app        ~/.local/opt/TrustDesk   (TRUSTDESK_PREFIX moves it)
#   menu entry     ~/.local/share/applications/org.trustdesk.TrustDesk.desktop
#   icons          ~/.local/share/icons/hicolor/*/apps/org.trustdesk.TrustDesk.*
#   command        ~/.local/bin/trustdesk   (a link, only if that name is free)
#
#   ./install.sh               install, or update an earlier install
#   ./install.sh --uninstall   remove all of the above; your journal is kept
#
# Your journal (~/.local/share/TrustDesk) is never touched by this script.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${TRUSTDESK_PREFIX:-$HOME/.local/opt/TrustDesk}
link=$HOME/.local/bin/trustdesk
data_home=${XDG_DATA_HOME:-$HOME/.local/share}

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# Is this folder a TrustDesk installed by this script? (We only ever delete those.)
is_ours() { [ -x "$1/trustdesk" ] && [ -d "$1/_internal" ] && [ -f "$1/install.sh" ]; }

missing_libraries() {
    # Shared libraries the display plugins need that this system lacks.
    lib=$prefix/_internal
    plugins=$lib/PySide6/Qt/plugins/platforms
    command -v ldd >/dev/null || return 0
    for plugin in "$plugins/libqxcb.so" "$plugins/libqwayland.so"; do
        [ -f "$plugin" ] || continue
        LD_LIBRARY_PATH="$lib:$lib/PySide6/Qt/lib" ldd "$plugin" 2>/dev/null |
            awk '/not found/ { print $1 }'
    done | sort -u | tr '\n' ' '
}

# The Debian or Ubuntu package that ships shared library $1. Debian names library
# packages after the soname (libxcb-cursor.so.0 -> libxcb-cursor0, libX11.so.6 ->
# libx11-6, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0); the few that differ are
# listed first.
debian_package() {
    case $1 in
        libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*) echo libc6 ;;
        libgcc_s.so.*) echo libgcc-s1 ;;
        libglib-2.0.so.*|libgthread-2.0.so.*|libgobject-2.0.so.*|libgio-2.0.so.*|\
        libgmodule-2.0.so.*) echo libglib2.0-0 ;;
        libGLdispatch.so.*) echo libglvnd0 ;;
        libbrotlicommon.so.*|libbrotlidec.so.*|libbrotlienc.so.*) echo libbrotli1 ;;
        libz.so.*) echo zlib1g ;;
        lib*.so.*)
            name=${1%%.so.*}
            major=${1#*.so.}
            major=${major%%.*}
            case $name in *[0-9]) name=$name- ;; esac
            printf '%s%s\n' "$name" "$major" | tr '[:upper:]' '[:lower:]' ;;
    esac
}

uninstall() {
    if [ -x "$prefix/trustdesk" ]; then
        "$prefix/trustdesk" desktop-entry uninstall >/dev/null ||
            say "Could not remove the menu entry; see $data_home/applications."
    else
        rm -f "$data_home/applications/org.trustdesk.TrustDesk.desktop" \
              "$data_home"/icons/hicolor/*/apps/org.trustdesk.TrustDesk.png \
              "$data_home/icons/hicolor/scalable/apps/org.trustdesk.TrustDesk.svg"
    fi
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$prefix/trustdesk" ]; then
        rm -f "$link"
    fi
    if [ -e "$prefix" ]; then
        is_ours "$prefix" || die "$prefix does not look like a TrustDesk install; not removing it"
        rm -rf "$prefix"
    fi
    say "TrustDesk is removed. Your journal in ${TRUSTDESK_DATA_DIR:-$data_home/TrustDesk} is still there."
}

install() {
    [ -x "$here/TrustDesk/trustdesk" ] || die "run this from the unpacked TrustDesk folder"
    if [ -e "$prefix" ] && ! is_ours "$prefix"; then
        die "$prefix exists and is not a TrustDesk install; move it away or set TRUSTDESK_PREFIX"
    fi
    mkdir -p "$(dirname "$prefix")"
    # Copy next to the target, then swap, so a failed copy leaves the old install working.
    rm -rf "$prefix.new"
    cp -R "$here/TrustDesk" "$prefix.new"
    cp "$here/install.sh" "$prefix.new/install.sh"
    rm -rf "$prefix"
    mv "$prefix.new" "$prefix"

    # The app writes its own menu entry, so Exec names this exact executable.
    "$prefix/trustdesk" desktop-entry install >/dev/null ||
        die "TrustDesk was copied to $prefix but could not add its menu entry"

    if [ ! -e "$link" ] && [ ! -L "$link" ]; then
        mkdir -p "$(dirname "$link")"
        ln -s "$prefix/trustdesk" "$link"
    elif [ -L "$link" ] && [ "$(readlink "$link")" = "$prefix/trustdesk" ]; then
        :
    else
        say "Note: $link already exists (another TrustDesk?), so no link was made."
    fi

    say "TrustDesk $("$prefix/trustdesk" --version | cut -d' ' -f2) is installed in $prefix."
    say "Open it from your application menu, or run: $prefix/trustdesk"
    say "To remove it later: $prefix/install.sh --uninstall"
    missing=$(missing_libraries)
    if [ -n "$missing" ]; then
        say ""
        packages=$(for library in $missing; do debian_package "$library"; done |
                   sort -u | tr '\n' ' ')
        say "Your system lacks libraries TrustDesk's window needs: $missing"
        if [ -n "$packages" ]; then
            say "On Debian or Ubuntu: sudo apt install ${packages% }"
        fi
    fi
}

case "${1:-}" in
    "") install ;;
    --uninstall) uninstall ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown option $1 (use --uninstall or --help)" ;;
esac
