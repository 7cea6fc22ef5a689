"""Command-line validators some tests run (desktop-file-validate, appstreamcli).

Locally a missing tool skips the test with the package to install; in CI (where
.ci/run installs them and sets CI) a missing tool fails the test instead."""

from __future__ import annotations

import os
import shutil

import pytest

PACKAGE_OF = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream",
              "objdump": "binutils", "dpkg-deb": "dpkg"}


def require(tool: str) -> str:
    """The path of `tool`, or skip (fail under CI) when it is not installed."""
    found = shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed (apt-get install {PACKAGE_OF.get(tool, tool)})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
