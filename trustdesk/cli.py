"""The `trustdesk` command: the app by default, plus subcommands for the terminal.

Errors are one human line on stderr with a documented exit code; `--debug` adds the
traceback. Importing this module stays cheap: the GUI and each subcommand import
what they need only when they run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from trustdesk import __version__, commands, display, paths
from trustdesk.hardening import harden_process
from trustdesk.storage import errors

_EXIT_FOR_ERROR: tuple[tuple[type[errors.VaultError], int], ...] = (
    (errors.WrongPassphrase, commands.WRONG_PASSPHRASE),
    (errors.NotAVault, commands.WRONG_PASSPHRASE),
    (errors.VaultDamaged, commands.DAMAGED),
    (errors.VaultInUse, commands.IN_USE),
    (errors.VaultTooNew, commands.TOO_NEW),
    (errors.VaultMissing, commands.MISSING),
    (errors.VaultExists, commands.USAGE),
    (errors.OutputRefused, commands.USAGE),
    (errors.OutputExists, commands.USAGE),
)


def exit_code_for(error: errors.VaultError) -> int:
    for kind, code in _EXIT_FOR_ERROR:
        if isinstance(error, kind):
            return code
    return commands.UNEXPECTED


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; `with_commands=False` leaves out the subcommands (and
    --help), whose modules cost ~90 ms to import: opening the app doesn't need them."""
    parser = argparse.ArgumentParser(
        prog="trustdesk", add_help=with_commands,
        description="TrustDesk: a private, offline journal for learning to trust again. "
                    "With no command, opens the app.",
        epilog=commands.EXIT_CODES_HELP + f"\ndata folder: --data-dir, else "
               f"${paths.ENV_DATA_DIR}, else TrustDesk in your user data folder\n"
               "(~/.local/share/TrustDesk on Linux)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"TrustDesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"folder holding the journal (default: ${paths.ENV_DATA_DIR} "
                             "or your user data folder)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.add_argument("--demo", action="store_true",
                        help="open the app on a throwaway sample journal, deleted when the "
                             "window closes (your own journal is not opened)")
    parser.add_argument("--tray", action="store_true",
                        help="start locked, as an icon in the tray (how TrustDesk starts at "
                             "login when Settings > Reminders asks it to)")
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in commands.MODULES:
        importlib.import_module(f"trustdesk.commands.{commands.module_name(name)}").register(
            subparsers)
    return parser


# What the parser gives for an empty command line (tests/cli check they agree). Built
# without it, because its help texts go through gettext, which imports locale and
# looks for translation files: ~5 ms.
NO_ARGUMENTS = {"data_dir": None, "debug": False, "demo": False, "tray": False}


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()  # first: no core dump may ever hold what this process decrypts
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv:
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
    else:   # how a desktop opens the app: ~5 ms less before its first paint
        args, rest = argparse.Namespace(**NO_ARGUMENTS), []
    if rest:  # a command, --help, or a mistake: the whole parser handles or explains it
        args = build_parser().parse_args(argv)
    args.data_dir = paths.data_dir(args.data_dir)
    handler = getattr(args, "handler", None)
    try:
        if args.tray and (handler is not None or args.demo):
            raise commands.UsageError("--tray starts the app; it can't be combined with "
                                      "a command or --demo.")
        if args.demo and handler is not None:
            raise commands.UsageError("--demo opens the app; it can't be combined with "
                                      "a command.")
        if handler is None and not display.available(os.environ, sys.platform):
            return _fail(args, None, display.NO_DISPLAY_MESSAGE, commands.NO_DISPLAY)
        if args.demo:
            from trustdesk.ui.demo_app import run_demo

            return run_demo()
        if handler is None:
            from trustdesk.ui.app import run_gui

            return run_gui(data_dir=args.data_dir, tray=args.tray)
        return int(handler(args))
    except errors.VaultError as exc:
        from trustdesk.commands.wording import cli_message

        return _fail(args, exc, cli_message(exc), exit_code_for(exc))
    except commands.UsageError as exc:
        return _fail(args, exc, str(exc), commands.USAGE)
    except KeyboardInterrupt:
        return _fail(args, None, "Stopped.", commands.UNEXPECTED)
    except Exception as exc:  # the last line of defence: one human line, no traceback
        return _fail(args, exc, f"Something unexpected went wrong ({type(exc).__name__}). "
                     "Run again with --debug for details.", commands.UNEXPECTED)


def _fail(args: argparse.Namespace, exc: BaseException | None, message: str, code: int) -> int:
    if args.debug and exc is not None:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    print(f"trustdesk: {message}", file=sys.stderr)
    return code
