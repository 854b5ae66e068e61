"""The places a frame pattern is tried at (`frames.saying_starts`) hold every match a plain
search of the whole masked text finds."""

from __future__ import annotations

import pytest

from transforms.attribution import frames

MASKED = [  # lower-cased and masked, as the frame patterns read them
    "⟦0⟧ disputed the count of 3.5 million, saying it was too low. ⟦1⟧ agreed.",
    "in march, ⟦2⟧'s spokesman criticised the 1.2 figure, adding that 40 more died.\n"
    "officials at ⟦3⟧ reported 300; ⟦3⟧, noting the delay, said more came.",
    "“we lost 40,” ⟦0⟧ wrote, saying so. ⟦1⟧ (the agency) rejected it: estimating 20.",
    "the ministry. ⟦4⟧ sources repeated the claim of 2.000 men, claiming a record! ⟦5⟧ sources "
    "repeated it, warning of more. ⟦6⟧ doubted 7.5, explaining nothing. ⟦7⟧ doubted it. so, "
    "saying",
    "no participle follows ⟦0⟧ here. nor ⟦1⟧, who said 5, noting", "",
]


@pytest.mark.parametrize("text", MASKED)
def test_saying_starts_hold_every_match_of_a_plain_search(text):
    tried = [m.span() for m in frames.matches(frames.SAYING, text, None, frames.saying_starts(text))]
    assert tried == [m.span() for m in frames.matches(frames.SAYING, text)]


def test_saying_is_found_past_a_decimal_point_and_not_past_a_full_stop():
    found = [m.group(1) for m in frames.matches(frames.SAYING, MASKED[0] + " " + MASKED[3], None,
                                                  frames.saying_starts(MASKED[0] + " " + MASKED[3]))]
    assert found == ["0", "4", "5", "6"]  # (not 7: a full stop before its participle)
