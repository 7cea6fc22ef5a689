"""The small YAML reader reads back what PyYAML writes for RedNotebook's month files,
in the block style of PyYAML 5.1+ and the flow style before it, for any text."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.domain.importers import yaml_lite

day_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x85"
                                 "\u2028\u2029\ufeff"), max_size=300)
category = st.text(st.characters(whitelist_categories=("L", "N", "Zs")), min_size=1,
                   max_size=20).map(str.strip).filter(bool)
entry = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                              blacklist_characters="\ufeff\x85"), min_size=1, max_size=40)
day = st.fixed_dictionaries({"text": day_text}, optional={
    "Tags": st.dictionaries(entry, st.none(), max_size=3)}) | st.dictionaries(
        category, st.dictionaries(entry, st.none(), max_size=3), min_size=1, max_size=2)
month = st.dictionaries(st.integers(1, 31), day, max_size=4)


@settings(max_examples=300, deadline=None)
@given(month, st.sampled_from([False, None]))
def test_reads_back_whatever_pyyaml_writes_for_a_month(content, flow):
    written = yaml.dump(content, allow_unicode=True, default_flow_style=flow)
    assert yaml_lite.load(written) == (content or None if written.strip() != "{}" else {})


def test_front_matter_lists_and_block_scalars():
    assert yaml_lite.load("tags:\n- a\n- b c\nmood: 7\ntitle: |\n  two\n  lines\n") == \
        {"tags": ["a", "b c"], "mood": 7, "title": "two\nlines\n"}
    assert yaml_lite.load('tags: [one, "two, three"]\ndone: true\nnothing: ~') == \
        {"tags": ["one", "two, three"], "done": True, "nothing": None}


@pytest.mark.parametrize("text", ["a: &anchor 1\nb: *anchor", "a: !!python/object x",
                                  "a: 'never closed", "a: {b: 1"])
def test_what_it_does_not_read_is_refused(text):
    with pytest.raises(yaml_lite.YamlProblem):
        yaml_lite.load(text)
