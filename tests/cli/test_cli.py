"""The `trustdesk` command: subcommands, exit codes and one-line human errors."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import sqlcipher3

from tests.conftest import PASSPHRASE
from trustdesk import __version__, cli
from trustdesk.storage.instance_lock import InstanceLock
from trustdesk.storage.migrations import LATEST

ROOT = Path(__file__).resolve().parents[2]


def trustdesk(*args: str, stdin: str | bytes = "",
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`trustdesk ARGS` through the real entry point (`cli.main`) in this process:
    `stdin` piped in, `env` added to the environment, what it prints captured. Much
    faster than a process; use `trustdesk_process` where a real one matters."""
    if "summary" in args and "--help" not in args:
        # It makes a QGuiApplication, which would stay for the rest of the test run
        # and abort the first QWidget a later test makes: a process of its own.
        return trustdesk_process(*args, stdin=stdin if isinstance(stdin, str)
                                 else stdin.decode("utf-8", "replace"), env=env)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    out, err = io.StringIO(), io.StringIO()
    saved_stdin, saved_env = sys.stdin, dict(os.environ)
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    os.environ.update(env or {})
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["trustdesk", *args], code, out.getvalue(),
                                       err.getvalue())


def trustdesk_process(*args: str, stdin: str = "", env: dict[str, str] | None = None,
                      timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`python -m trustdesk ARGS` as a process of its own: for what only a real
    process shows (what it imports, that it doesn't hang)."""
    run_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "trustdesk", *args], input=stdin,
                          capture_output=True, text=True, env=run_env, timeout=timeout)


def test_version():
    result = trustdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"TrustDesk {__version__}"


def test_help_documents_the_exit_codes():
    result = trustdesk("--help")
    assert result.returncode == 0
    for line in ("3  wrong passphrase", "5  the journal is open in another", "7  there is no"):
        assert line in result.stdout


def test_an_empty_command_line_means_what_the_parser_says_it_means():
    """`trustdesk` alone skips argparse (its gettext lookups cost ~5 ms before the
    first paint); the arguments it assumes are the parser's own defaults."""
    parsed, rest = cli.build_parser(with_commands=False).parse_known_args([])
    assert (vars(parsed), rest) == (cli.NO_ARGUMENTS, [])
    assert vars(cli.build_parser().parse_args([])) == cli.NO_ARGUMENTS


def test_unknown_arguments_are_a_usage_error():
    assert trustdesk("--no-such-flag").returncode == 2


def test_init_then_check(tmp_path):
    folder = tmp_path / "data"
    created = trustdesk("--data-dir", str(folder), "init", stdin=PASSPHRASE + "\n")
    assert created.returncode == 0, created.stderr
    assert (folder / "journal.trustdesk").exists()
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    checked = trustdesk("--data-dir", str(folder), "check", stdin=PASSPHRASE + "\n")
    assert (checked.returncode, checked.stdout.strip()) == (0, "ok")


def test_data_dir_from_the_environment(tmp_path):
    folder = tmp_path / "from-env"
    result = trustdesk("init", stdin=PASSPHRASE + "\n", env={"TRUSTDESK_DATA_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    assert (folder / "journal.trustdesk").exists()


def test_init_refuses_a_short_passphrase_and_an_existing_journal(data_dir, tmp_path):
    short = trustdesk("--data-dir", str(tmp_path / "new"), "init", stdin="short\n")
    assert short.returncode == 2
    assert not (tmp_path / "new" / "journal.trustdesk").exists()
    again = trustdesk("--data-dir", str(data_dir), "init", stdin=PASSPHRASE + "\n")
    assert again.returncode == 2
    assert "already exists" in again.stderr


def one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_wrong_passphrase_exits_3(data_dir):
    result = trustdesk("--data-dir", str(data_dir), "check", stdin="nope nope nope\n")
    assert result.returncode == 3
    assert one_line_error(result) == "trustdesk: That passphrase doesn't unlock this journal."


def test_missing_journal_exits_7_and_creates_nothing(tmp_path):
    result = trustdesk("--data-dir", str(tmp_path / "nothing"), "check", stdin=PASSPHRASE)
    assert result.returncode == 7
    one_line_error(result)
    assert not (tmp_path / "nothing").exists()


def test_journal_in_use_exits_5(data_dir):
    with InstanceLock(data_dir / "trustdesk.lock"):
        result = trustdesk("--data-dir", str(data_dir), "check", stdin=PASSPHRASE)
    assert result.returncode == 5
    assert "already open" in one_line_error(result)


def test_damaged_journal_exits_4(data_dir):
    path = data_dir / "journal.trustdesk"
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size - 10)
    result = trustdesk("--data-dir", str(data_dir), "check", stdin=PASSPHRASE)
    assert result.returncode == 4
    one_line_error(result)


def test_newer_journal_exits_6(data_dir):
    raw = sqlcipher3.connect(str(data_dir / "journal.trustdesk"))
    raw.set_key(PASSPHRASE)
    raw.execute(f"PRAGMA user_version = {LATEST + 5}")
    raw.commit()
    raw.close()
    result = trustdesk("--data-dir", str(data_dir), "check", stdin=PASSPHRASE)
    assert result.returncode == 6
    assert "newer version" in one_line_error(result)


@pytest.mark.parametrize("flag, shows_traceback", [((), False), (("--debug",), True)])
def test_debug_shows_the_traceback(data_dir, flag, shows_traceback):
    result = trustdesk(*flag, "--data-dir", str(data_dir), "check", stdin="wrong wrong\n")
    assert result.returncode == 3
    assert ("Traceback" in result.stderr) is shows_traceback


def test_backup_then_restore_from_the_command_line(data_dir, tmp_path):
    target = tmp_path / "copy.trustdesk"
    made = trustdesk("--data-dir", str(data_dir), "backup", "--output", str(target),
                     stdin=PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    assert target.exists() and not target.read_bytes().startswith(b"SQLite format 3")
    again = trustdesk("--data-dir", str(data_dir), "backup", "-o", str(target),
                      stdin=PASSPHRASE + "\n")
    assert again.returncode == 2 and "already exists" in one_line_error(again)

    before = (data_dir / "journal.trustdesk").read_bytes()
    restored = trustdesk("--data-dir", str(data_dir), "restore", str(target),
                         stdin=PASSPHRASE + "\n")
    assert restored.returncode == 0, restored.stderr
    kept = [p for p in data_dir.glob("journal-*-before-restore.trustdesk")]
    assert len(kept) == 1 and kept[0].read_bytes() == before
    checked = trustdesk("--data-dir", str(data_dir), "check", stdin=PASSPHRASE + "\n")
    assert (checked.returncode, checked.stdout.strip()) == (0, "ok")


def test_restore_refuses_a_wrong_passphrase_or_a_damaged_backup(data_dir, tmp_path):
    target = tmp_path / "copy.trustdesk"
    assert trustdesk("--data-dir", str(data_dir), "backup", "-o", str(target),
                     stdin=PASSPHRASE + "\n").returncode == 0
    before = (data_dir / "journal.trustdesk").read_bytes()
    wrong = trustdesk("--data-dir", str(data_dir), "restore", str(target), stdin="nope nope\n")
    assert wrong.returncode == 3
    one_line_error(wrong)
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    damaged = trustdesk("--data-dir", str(data_dir), "restore", str(target),
                        stdin=PASSPHRASE + "\n")
    assert damaged.returncode == 4
    one_line_error(damaged)
    missing = trustdesk("--data-dir", str(data_dir), "restore", str(tmp_path / "none"),
                        stdin=PASSPHRASE + "\n")
    assert missing.returncode == 2
    assert (data_dir / "journal.trustdesk").read_bytes() == before
    assert not list(data_dir.glob("journal-*"))


def test_restore_into_an_empty_folder_creates_the_journal(data_dir, tmp_path):
    target = tmp_path / "copy.trustdesk"
    assert trustdesk("--data-dir", str(data_dir), "backup", "-o", str(target),
                     stdin=PASSPHRASE + "\n").returncode == 0
    fresh = tmp_path / "new-computer"
    result = trustdesk("--data-dir", str(fresh), "restore", str(target), stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    assert trustdesk("--data-dir", str(fresh), "check", stdin=PASSPHRASE + "\n").returncode == 0
