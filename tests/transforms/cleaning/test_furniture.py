"""strip_furniture(): a scraped page's article stays, what the page carries around it goes."""

from __future__ import annotations

import pytest

from transforms.cleaning.furniture import strip_furniture

HEADLINE = "Recruiters Offer Migrants Fast-Track Citizenship"
BODY = [
    "Regional recruiters are offering migrants a sign-up bonus of 400,000 roubles, a local "
    "outlet reported on Tuesday.",
    "Officials said at least 1,200 men had signed contracts since January.",
]
PAGE = "\n".join([
    "Our new print edition is out. Be the first to read it.",
    "pre-order now",
    "Skip to content",
    "Edit post",
    "",
    HEADLINE,
    "",
    "by A. Writer March 3, 2024 10:15 AM 2 min read",
    "This audio is created with AI assistance",
    "",
    BODY[0],
    "Advertisement",
    "",
    BODY[1],
    "Read more: Army opens 50 new enlistment offices in the south",
    "Please, also have a look into : Another story about 300 drones",
    "Views: 12",
    "  • USD91.20",
    "  • 42",
    "",
    "News Feed",
    "4:10 PM",
    "An unrelated story says 7,000 people attended a concert.",
    "MORE NEWS",
    "Enter your email to subscribe",
    "* indicates required",
    "Subscribe",
    "Thank you for signing up for this newsletter.",
])


def test_the_article_is_kept_with_its_paragraph_breaks():
    assert strip_furniture(PAGE) == "\n".join([HEADLINE, "", BODY[0], "", BODY[1]])


def test_furniture_numbers_are_gone():
    cleaned = strip_furniture(PAGE)
    for furniture in ("2 min read", "Read more", "300 drones", "Views", "USD91.20", "42",
                      "7,000", "News Feed", "Subscribe", "indicates required", "AI assistance",
                      "Skip to content", "pre-order"):
        assert furniture not in cleaned


def test_a_page_without_furniture_is_unchanged():
    text = "\n".join([HEADLINE, *BODY])
    assert strip_furniture(text) == text


def test_a_more_news_heading_before_the_body_does_not_end_the_article():
    text = "\n".join(["Latest news", HEADLINE, *BODY])
    assert strip_furniture(text) == "\n".join([HEADLINE, *BODY])


def test_footer_and_share_lines_are_dropped():
    text = "\n".join([*BODY, "Share article", "The post has been shared by 3", "people.",
                      "Editor in chief — A. Person. Terms of use. Privacy policy."])
    assert strip_furniture(text) == "\n".join(BODY)


def test_donation_prompts_licence_lines_and_link_bars_are_dropped():
    text = "\n".join([
        "Support our reporting: 900 readers chipped in this week. Can you give 3 euros?",
        HEADLINE, *BODY,
        "**Related:** [Army adds 20 enlistment points](https://example.com/a) | "
        "[Markets: index sheds 300 points](https://example.com/b)",
        "(c) 2025 Example News. Content licensed under CC BY 4.0.",
    ])
    assert strip_furniture(text) == "\n".join([HEADLINE, *BODY])


def test_rate_tickers_and_photo_licences_are_dropped():
    text = "\n".join([HEADLINE, "39.10 UAH ▼0.11%", "44.02 UAH ▲0.07%", *BODY,
                       "Photo: Example Agency (CC BY-SA 4.0)"])
    assert strip_furniture(text) == "\n".join([HEADLINE, *BODY])


def test_a_more_on_this_topic_heading_ends_the_article():
    text = "\n".join([HEADLINE, *BODY, "----", "More on this topic",
                      "* Border posts reopen as 3 crossings clear"])
    assert strip_furniture(text) == "\n".join([HEADLINE, *BODY, "----"])


def test_live_blog_and_newsletter_chrome_is_dropped():
    text = "\n".join([HEADLINE, "Updated 2 min ago", *BODY, "Show 3 more updates", "2.",
                      "Get the Example Brief newsletter: 3 issues a week, free.",
                      "Subscribe to our Telegram channel: 12,000 readers already"])
    assert strip_furniture(text) == "\n".join([HEADLINE, *BODY])


@pytest.mark.parametrize("line", [
    "Sign in | Subscribe for 2 euros a week",
    "Subscribe from $1 a month. Cancel anytime.",
    "Support us from €5 a month",
    "Donate 10 euros today",
    "Continue reading for just £1",
    "Already a subscriber? Log in",
])
def test_subscription_paywall_and_donation_prompts_are_furniture(line):
    from transforms.cleaning.furniture import is_prompt

    assert is_prompt(line)
    assert strip_furniture(f"Headline\n{line}\nThe governor said 1,200 men signed up.") == (
        "Headline\nThe governor said 1,200 men signed up.")


@pytest.mark.parametrize("line", [
    "Recruits sign in Moscow for 200,000 roubles a month",
    "Volunteers are paid 190,000 roubles a month, the ministry said.",
    "The governor said subscription fees for the gym were waived for 300 recruits.",
])
def test_article_sentences_with_prompt_words_are_kept(line):
    from transforms.cleaning.furniture import is_prompt

    assert not is_prompt(line)
