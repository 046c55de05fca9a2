"""The script-time profile (scripts/script_time.py, `make profile`) names the
source of each sample truly: the source map is decoded as version 3 says,
and each frame of Material's bundle is given the file it was built from.
No timing here."""
from __future__ import annotations

import json

from scripts import script_time


def test_segments_keep_their_column_per_line_and_their_source_across_lines():
    # Line 0: column 0 from source 0, column 2 from source 1; line 1: column 0,
    # still source 1 (the index is relative to the previous segment's).
    lines = script_time.decode_mappings("AAAA,ECAA;AAAA")
    assert lines == [[(0, 0), (2, 1)], [(0, 1)]]
    assert script_time.source_at(lines, 0, 1) == 0
    assert script_time.source_at(lines, 0, 40) == 1
    assert script_time.source_at(lines, 1, 0) == 1
    assert script_time.source_at(lines, 5, 0) is None


def test_long_and_negative_values_decode_and_unmapped_code_stays_unmapped():
    assert script_time._vlq("gB") == [16]        # a continuation digit
    assert script_time._vlq("D") == [-1]
    assert script_time.decode_mappings("gBAAA")[0] == [(16, 0)]
    # A one-field segment maps its code to no source: not to the one before.
    lines = script_time.decode_mappings("AAAA,I,ECAA")
    assert lines == [[(0, 0), (4, None), (6, 1)]]
    assert script_time.source_at(lines, 0, 5) is None


def test_the_bundle_is_traced_to_the_material_source_that_holds_the_code(site):
    """On the real bundle: the code that sets `data-md-color-switching` is
    traced to Material's palette component."""
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    source_map = json.loads(bundle.with_name(bundle.name + ".map").read_text(encoding="utf-8"))
    text = bundle.read_text(encoding="utf-8").splitlines()
    line = next(number for number, code in enumerate(text) if "data-md-color-switching" in code)
    column = text[line].index("data-md-color-switching")
    frame = {"url": "http://127.0.0.1/base/assets/javascripts/" + bundle.name, "lineNumber": line, "columnNumber": column,
             "functionName": ""}
    assert script_time.frame_namer(source_map)(frame) == "Material: components/palette/index.ts"


def test_a_profile_is_summed_by_source_and_idle_time_left_out():
    source_map = {"sources": ["src/templates/assets/javascripts/components/palette/index.ts",
                              "node_modules/rxjs/src/internal/Subscriber.ts"],
                  "mappings": "AAAA,ECAA"}
    bundle = "http://127.0.0.1/base/assets/javascripts/bundle.0123.min.js"
    profile = {"nodes": [{"id": 1, "callFrame": {"url": bundle, "lineNumber": 0, "columnNumber": 0, "functionName": "a"}},
                         {"id": 2, "callFrame": {"url": bundle, "lineNumber": 0, "columnNumber": 9, "functionName": "b"}},
                         {"id": 3, "callFrame": {"url": "", "lineNumber": -1, "columnNumber": -1, "functionName": "(idle)"}},
                         {"id": 4, "callFrame": {"url": "", "lineNumber": -1, "columnNumber": -1, "functionName": "(program)"}},
                         {"id": 5, "callFrame": {"url": bundle, "lineNumber": 3, "columnNumber": 0, "functionName": "c"}},
                         {"id": 6, "callFrame": {"url": "http://127.0.0.1/base/themes/", "lineNumber": 40, "columnNumber": 2,
                                                 "functionName": ""}}],
               "samples": [1, 1, 2, 3, 4, 5, 6], "timeDeltas": [7, 1000, 1000, 500, 9000, 250, 100]}
    times = script_time.self_time_by_source(profile, script_time.frame_namer(json.loads(json.dumps(source_map))))
    # Each sample is given the time until the next one; the last, none.
    assert times == {"Material: components/palette/index.ts": 2.0, "Material: rxjs/src/internal/Subscriber.ts": 0.5,
                     "(program)": 0.25, "Material: (no source mapped)": 0.1, "the page's inline scripts": 0.0}


def test_the_median_of_each_source_counts_runs_where_it_was_absent_as_zero():
    from collections import Counter
    rows = script_time.medians([Counter(a=3.0, b=1.0), Counter(a=5.0), Counter(a=4.0, b=2.0)])
    assert rows == [("a", 4.0), ("b", 1.0)]


def test_each_feature_is_taken_out_of_the_page_and_nothing_else(site):
    """The variants of the feature table edit what they say they edit: the
    page as built has each feature, each variant lacks its own one."""
    html = (site / "themes" / "ethique-et-droit" / "index.html").read_text(encoding="utf-8")

    def features(page: str) -> list[str]:
        config = page.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0]
        return json.loads(config)["features"]

    present = {"previews": "data-preview", "abbr": "<abbr", "search": 'name="search"', "palette": 'data-md-component="palette"'}
    assert all(mark in html for mark in present.values())
    assert {"content.footnote.tooltips", "content.tooltips"} <= set(features(html))
    edits = script_time.ABLATIONS
    assert edits["as built"](html) == html == edits["as built, again (how much runs differ)"](html)
    assert "data-preview" not in edits["without link previews"](html)
    assert "<abbr" not in edits["without glossary tooltips"](html)
    assert 'name="search"' not in edits["without search (box, index, worker)"](html)
    assert 'data-md-component="search"' not in edits["without search (box, index, worker)"](html)
    assert 'data-md-component="palette"' not in edits["without the palette toggle"](html)
    assert features(edits["without footnote tooltips"](html)) == [f for f in features(html) if f != "content.footnote.tooltips"]
    assert features(edits["without title tooltips (content.tooltips)"](html)) == [f for f in features(html) if f != "content.tooltips"]
    for name, edit in edits.items():
        if not name.startswith("as built"):
            assert edit(html) != html and len(html) - len(edit(html)) < 5_000, name
