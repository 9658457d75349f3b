"""The five seed articles must clean to exactly their gold metadata and body."""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from builder.clean import clean_source
from builder.clean.meta import lead_title
from builder.model import Override, Source
from support import clean_page

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "seeds"
SEEDS = sorted(GOLDEN.glob("*.json"))
FIELDS = ("title", "agency", "outlet", "author", "published", "dateline", "headings")


def token_f1(predicted: str, gold: str) -> float:
    p, g = Counter(re.findall(r"\w+", predicted.lower())), Counter(re.findall(r"\w+", gold.lower()))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def clean_seed(name: str):
    data = (ROOT / "sources" / f"{name}.txt").read_bytes()
    return clean_source(Source(name=f"{name}.txt", data=data, sha256=hashlib.sha256(data).hexdigest(),
                               format="text"))


@pytest.mark.parametrize("gold_path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_matches_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = clean_seed(gold_path.stem)
    for name in FIELDS:
        assert getattr(article, name) == gold[name], name
    assert token_f1("\n".join(article.paragraphs), "\n".join(gold["paragraphs"])) >= 0.98
    body = article.body_text + (article.title or "")
    for text in gold.get("must_not_contain", []):
        assert text not in body


def test_all_seeds_present() -> None:
    assert len(SEEDS) == 5


THAI_BODY = [
    "วันนี้ฝนตกหนักในกรุงเทพมหานครตั้งแต่ช่วงเช้า ทำให้การจราจรติดขัดในหลายพื้นที่ เจ้าหน้าที่ได้ออกมาเตือนประชาชนให้ระมัดระวัง"
    "ในการเดินทาง และหลีกเลี่ยงเส้นทางที่มีน้ำท่วมขังจนกว่าระดับน้ำจะลดลง",
    "กรมอุตุนิยมวิทยาคาดว่าฝนจะตกต่อเนื่องไปอีกสามวัน โดยเฉพาะในภาคกลางและภาคตะวันออก ประชาชนที่อาศัยอยู่ริมแม่น้ำ"
    "ควรเตรียมพร้อมรับมือกับสถานการณ์น้ำท่วมที่อาจเกิดขึ้น",
    "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า ได้สั่งการให้หน่วยงานที่เกี่ยวข้องเร่งระบายน้ำออกจากพื้นที่ชุมชน และจัดเตรียม"
    "เครื่องสูบน้ำเพิ่มเติมในจุดเสี่ยงทั้งหมดแล้ว",
]


def test_a_language_without_full_stops_keeps_its_paragraphs() -> None:
    page = "\n".join(["หน้าแรก", "การเมือง", "เศรษฐกิจ", "ต่างประเทศ", "ฝนตกหนักในกรุงเทพฯ", "", *THAI_BODY, "",
                      "ติดต่อเรา", "นโยบายความเป็นส่วนตัว"])
    data = page.encode("utf-8")
    article = clean_source(Source(name="th.txt", data=data, sha256="0", format="text"))
    assert article.paragraphs == THAI_BODY


def test_a_page_without_prose_keeps_its_listing() -> None:
    results = ["GIRLS BASKETBALL", "Palm Bay d. Rockledge 70-44", "Rockledge 14 11 6 15 — 44",
               "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points.",
               "BOYS SOCCER", "Viera d. Rockledge 3-1", "Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal."]
    page = "\n".join(["Home", "Sports", "High school roundup: Viera stays unbeaten",
                      "Published 2:16 AM EST Nov 20, 2019", *results, "Published 2:16 AM EST Nov 20, 2019",
                      "Terms of Service Privacy Notice", "© Copyright Gannett 2018"])
    data = page.encode("utf-8")
    article = clean_source(Source(name="roundup.txt", data=data, sha256="0", format="text"))
    assert article.paragraphs == results and article.published == "2019-11-20"


LEAD = ("Medical experts say they are not treating the death of pop star Michael Jackson as suspicious, "
        "a spokesman for the coroner said on Saturday.")
BODY = ("But working out the exact reason for the death could take several weeks, after doctors ordered "
        "more tests and the family asked for a second examination of the body.\n"
        "The coroner's office said its findings would be made public once the tests were complete, and that "
        "no date had been set for the release of the report.\n")


def clean_text_source(text: str, override: Override | None = None):
    return clean_page(text, "articles/109.txt", override)


def test_a_source_without_a_headline_is_titled_from_its_lead_not_its_file_name() -> None:
    article = clean_text_source(LEAD + "\n" + BODY)
    assert article.title_from == "lead"
    assert article.title == "Medical experts say they are not treating the death of pop star…"
    assert "109" not in article.title and not any("no title" in w for w in article.warnings)


@pytest.mark.parametrize("sentence, title", [
    ("Rebels took the airport on Sunday.", "Rebels took the airport on Sunday"),
    ("The army, backed by militias and air strikes, took the town after a week of heavy fighting.",
     "The army, backed by militias and air strikes…"),
    ("Officials in the northern province said that at least 40 people had died in the floods this week.",
     "Officials in the northern province said…"),
    ("Thousands of people were feared dead on Wednesday after the strongest earthquake in two hundred years.",
     "Thousands of people were feared dead on Wednesday…"),
    ("(9:22 p.m. ET, 3:22 a.m. in Libya) Forces loyal to the leader are honoring a cease-fire.",
     "Forces loyal to the leader are honoring a cease-fire"),
    ("Investigators have found the remains of the aircraft in the Indian Ocean near the coast of Western "
     "Australia.", "Investigators have found the remains of the aircraft in the Indian Ocean…"),
    ("Adm. James Stavridis says there is no evidence of al Qaeda in the opposition.",
     "Adm. James Stavridis says there is no evidence of al Qaeda…"),
])
def test_a_lead_title_is_a_readable_cut(sentence: str, title: str) -> None:
    assert lead_title(sentence + " A second sentence follows here.") == title
    assert len(title.split()) <= 12


def test_title_from_says_where_the_title_comes_from() -> None:
    assert clean_text_source("Coroner rules out foul play\n" + LEAD + "\n" + BODY).title_from == "headline"
    curated = clean_text_source(LEAD + "\n" + BODY, Override(title="Jackson death not suspicious"))
    assert (curated.title, curated.title_from) == ("Jackson death not suspicious", "curator")
    assert clean_text_source("").title_from is None


def test_an_opinion_piece_is_known_by_its_disclaimer() -> None:
    body = "\n".join(["The coalition's strikes on Libya are not a rerun of the war in Iraq, whatever critics say.",
                      "The intervention has the backing of the Arab League and of the United Nations Security Council."])
    column = clean_page("Libya is not Iraq\n" + body + "\nThe opinions expressed in this commentary are solely those of "
                        "Peter Bergen.\n")
    assert column.opinion
    news = clean_page("Coalition strikes Libya\n" + body + "\nThe minister said the views expressed at the meeting "
                      "were shared by the Arab League.\n")
    assert not news.opinion


def test_a_source_with_no_article_text_is_left_out_with_a_warning():
    from support import clean_page
    article = clean_page("These crawls are part of an effort to archive pages as they are created.\n"
                         "The WARC files associated with this crawl are not currently available to the general public.\n")
    assert not article.blocks and article.excluded
    assert "no article text found: left out of the dossier" in article.warnings


def test_a_short_sentence_between_paragraphs_is_reporting_not_a_label() -> None:
    lines = ["Coalition strikes Libya",
             "Warplanes from France, Britain and the United States struck targets across Libya overnight, "
             "officials said, in the largest intervention in the region since the invasion of Iraq.",
             "On Saturday, the coalition attacked.",
             "Tomahawk missiles normally carry a 1,000-pound conventional warhead.",
             "The Pentagon said more than 110 missiles were fired from American and British ships and submarines "
             "in the Mediterranean, hitting about 20 air defence sites along the coast.",
             "Allan Chernoff, CNN, New York.",
             "Libyan state television said 48 people had been killed in the strikes, a figure that could not be "
             "independently confirmed by reporters in Tripoli on Sunday."]
    article = clean_page("\n".join(lines) + "\n")
    assert lines[2] in article.paragraphs and lines[3] in article.paragraphs
    assert lines[5] not in article.paragraphs


def test_a_pull_quote_is_not_a_second_statement() -> None:
    full = ("But the military intervention that President Obama authorized against Libya on Saturday, eight years to "
            "the day after the invasion of Iraq began, is a quite different operation, for three reasons.")
    pull = "The military intervention that President Obama authorized against Libya on Saturday... is a quite different operation"
    quote = '"We will not stop... until the last civilian is safe," the rebel commander told reporters in Benghazi.'
    article = clean_page("Libya and Iraq: what is different\n" + "\n".join([pull, full, quote, full.replace("But", "And")])
                         + "\n")
    assert pull not in article.paragraphs and full in article.paragraphs and quote in article.paragraphs
    assert {r.text: r.reason for r in article.removed}[pull] == "pull quote (a sentence of the article shortened)"


def test_a_dateline_never_titles_a_page() -> None:
    article = clean_page("NEW ORLEANS --\nFor days now, doctors in the city have seen patients with breathing trouble "
                         "and headaches, and they blame the fumes of the oil spill in the Gulf of Mexico.\n"
                         "The state health department said it was collecting reports from clinics along the coast "
                         "and would publish the first figures next week, a spokeswoman said.\n")
    assert article.title.startswith("For days now") and article.title_from == "lead"
