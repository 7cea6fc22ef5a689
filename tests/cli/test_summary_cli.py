"""`trustdesk summary`: the printable summary from the terminal, without a display,
with the foundation's exit codes and one human line for every mistake."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.test_cli import ROOT, one_line_error, trustdesk
from tests.conftest import PASSPHRASE
from tests.report.conftest import pdf_pages
from trustdesk.demo import fill_demo
from trustdesk.domain.period import Period, format_day
from trustdesk.storage.progress_data import ProgressSource
from trustdesk.storage.store import JournalFolder

pytestmark = pytest.mark.slow


@pytest.fixture
def filled(data_dir) -> Path:
    """The data folder with four months of demo records, locked again."""
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        fill_demo(store, days=120, seed=5, today=date.today())
    finally:
        store.close()
    return data_dir


def summary_of(data_dir: Path, period: Period):
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        summary = ProgressSource.from_store(store).summary(period, date.today())
        return summary, ProgressSource.from_store(store).excerpts(summary)
    finally:
        store.close()


def run(data_dir: Path, *args: str, passphrase: str = PASSPHRASE):
    """`trustdesk summary ARGS` in a process with no display and no Qt platform set,
    like a server or an ssh session; the passphrase arrives on standard input."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "trustdesk", "--data-dir", str(data_dir),
                           "summary", *args], input=passphrase + "\n", capture_output=True,
                          text=True, env=env, timeout=120)


def test_writes_the_default_summary_without_a_display(filled, tmp_path):
    target = tmp_path / "summary.pdf"
    result = run(filled, "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout.splitlines()
    assert out[0].startswith("Wrote the summary (") and out[0].endswith(f"to {target}")
    assert "not encrypted" in out[1]

    summary, _excerpts = summary_of(filled, Period())
    pages = pdf_pages(target)
    text = " ".join(pages)
    assert "Progress summary" in pages[0]
    assert f"Last 3 months: {summary.dates_label}" in pages[0]
    assert f"{len(pages)} pages" in out[0]
    assert " ".join(summary.beliefs.reading.split()) in text
    assert " ".join(summary.activity.reading.split()) in text
    assert "From your journal" not in text
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page and "not a diagnosis" in page


def test_dates_and_sections_are_chosen(filled, tmp_path):
    first, last = date.today() - timedelta(days=40), date.today() - timedelta(days=10)
    target = tmp_path / "chosen.pdf"
    result = run(filled, "-o", str(target), "--from", first.isoformat(),
                 "--to", last.isoformat(), "--include", "worksheets, excerpts")
    assert result.returncode == 0, result.stderr
    summary, excerpts = summary_of(filled, Period.custom(first, last))
    text = " ".join(pdf_pages(target))
    assert f"{format_day(first)} to {format_day(last)}" in text
    assert "Mood and trust over time" not in text and "Small steps planned" not in text
    assert "From your journal" in text
    assert f"{len(summary.beliefs.pairs)} finished worksheets in this period" in text
    newest = excerpts[-1]
    assert " ".join((newest.body or newest.title).split()[:5]) in text


def test_worksheet_details_need_their_flag_and_excerpts_state_the_true_count(filled,
                                                                           tmp_path):
    plain, detailed = tmp_path / "plain.pdf", tmp_path / "detailed.pdf"
    assert run(filled, "-o", str(plain), "--include", "worksheets").returncode == 0
    result = run(filled, "-o", str(detailed), "--include", "worksheets,excerpts",
                 "--worksheet-details")
    assert result.returncode == 0, result.stderr
    store = JournalFolder(filled).unlock(PASSPHRASE)
    try:
        source = ProgressSource.from_store(store)
        summary = source.summary(Period(), date.today())
        sheets = source.finished_worksheets(summary)
        total = source.excerpt_total(summary)
    finally:
        store.close()
    assert sheets and total > 30
    plain_text, text = " ".join(pdf_pages(plain)), " ".join(pdf_pages(detailed))
    assert "Worksheet details" not in plain_text
    assert " ".join(sheets[0].thought.split()) not in plain_text
    assert "Worksheet details" in text and " ".join(sheets[0].thought.split()) in text
    assert f"The 30 most recent of your {total:,} entries in this period" in text


def test_a_name_ending_in_html_writes_the_web_page(filled, tmp_path):
    from tests.report.test_summary_html import Page

    target = tmp_path / "summary.html"
    result = run(filled, "--output", str(target))
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0].startswith("Wrote the summary (a web page, ") and out[0].endswith(str(target))
    assert out[1].startswith("The HTML file is not encrypted")
    page = Page(target.read_text(encoding="utf-8"))
    summary, _excerpts = summary_of(filled, Period())
    assert ("h1", "Progress summary") in page.headings
    assert " ".join(summary.beliefs.reading.split()) in page.words
    assert not page.all("script") and page.all("table")


def test_only_a_start_date_runs_to_today_and_only_an_end_from_the_first_record(filled,
                                                                              tmp_path):
    start = date.today() - timedelta(days=20)
    result = run(filled, "-o", str(tmp_path / "a.pdf"), "--from", start.isoformat())
    assert result.returncode == 0, result.stderr
    assert f"{format_day(start)} to {format_day(date.today())}" in result.stdout
    end = date.today() - timedelta(days=30)
    result = run(filled, "-o", str(tmp_path / "b.pdf"), "--to", end.isoformat())
    assert result.returncode == 0, result.stderr
    everything, _ = summary_of(filled, Period("all_time"))
    assert f"{format_day(everything.first_day)} to {format_day(end)}" in result.stdout


@pytest.mark.parametrize("args, says", [
    (("--from", "2026-02-30"), "--from needs a date like"),
    (("--to", "yesterday"), "--to needs a date like"),
    (("--from", "2026-03-02", "--to", "2026-03-01"), "--from must be on or before --to"),
    (("--include", "charts,moods"), "Unknown section 'moods'"),
    (("--include", " , "), "Choose at least one section"),
    (("--from", "1850-01-01"), "--from must be a date from 1900-01-01 to 2100-12-31"),
])
def test_mistakes_are_usage_errors(filled, tmp_path, args, says):
    result = run(filled, "-o", str(tmp_path / "x.pdf"), *args)
    assert result.returncode == 2
    assert says in one_line_error(result)
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_folder_is_a_usage_error(filled, tmp_path):
    result = run(filled, "-o", str(tmp_path / "nowhere" / "x.pdf"))
    assert result.returncode == 2
    assert "doesn't exist" in one_line_error(result)


def test_wrong_passphrase_and_no_journal(filled, tmp_path):
    wrong = run(filled, "-o", str(tmp_path / "x.pdf"), passphrase="not it at all")
    assert wrong.returncode == 3
    one_line_error(wrong)
    missing = run(tmp_path / "none", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 7
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "none").exists()


def test_the_command_is_listed_and_importing_the_cli_stays_light():
    result = trustdesk("--help")
    assert "summary" in result.stdout
    assert "--include LIST" in trustdesk("summary", "--help").stdout
