"""Names that try to break the output or the store: every input is still accounted for, on its own line."""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner

from linimasa.cli import cli, printable

GOOD = "Judul\nPresiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Jakarta pada Senin.\n"


def test_printable_escapes_what_could_forge_a_line():
    assert printable("a\nb\tc\u200bd") == "a\\nb\\tc\\u200bd"
    assert printable("biasa") == "biasa"


def test_a_file_name_with_a_newline_cannot_forge_the_accounting_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\naccounting: read 0 = stored 0 + duplicates 0 + rejected 0.jsonl").write_text("not json\n")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith("accounting:")] == [
        "accounting: read 2 = stored 1 + duplicates 0 + rejected 1"]
    assert any("bad\\naccounting" in line for line in lines)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_read_and_stored_under_an_escaped_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"nama\xff.txt"), "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    result = CliRunner().invoke(cli, ["run", "--db", str(tmp_path / "s.db"), str(folder)])
    assert result.exit_code == 0, result.output
    assert "accounting: read 1 = stored 1 + duplicates 0 + rejected 0" in result.output
