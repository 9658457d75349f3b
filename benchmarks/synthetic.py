"""Write a synthetic dossier of N plain-text articles, the same every time, for scale tests.

    python benchmarks/synthetic.py N OUT_DIR      # writes OUT_DIR/sources/*.txt

Each page is a scraped article as the seeds are: site furniture (menus, share bars, ads, related links,
copyright) around a title, a byline ('By Reuters' or an author), a 'Published in <outlet> on <date>'
line and a body that opens with a dateline. Outlets, agencies, dates (over about nine months), places,
people and organisations vary; about one article in eight republishes an earlier wire story lightly
edited (a syndicated copy).
"""
from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

OUTLETS = ["Daily Star", "Ahram Online", "The National", "Arab News", "Gulf Today", "Middle East Eye",
           "Asharq Al-Awsat", "Al Bawaba", "Kurdistan 24", "Rudaw", "The New Arab", "Jordan Times"]
AGENCIES = ["Reuters", "AFP", "AP"]
AUTHORS = ["Sarah Haddad", "Omar Khalil", "Lina Mansour", "James Porter", "Nadia Farouk", "Karim Aziz"]
PLACES = ["Beirut", "Damascus", "Baghdad", "Amman", "Cairo", "Deir Ezzor", "Raqqa", "Mosul", "Albu Kamal", "Idlib"]
ORGS = ["Hezbollah", "Islamic State", "the Syrian Democratic Forces", "the Syrian Observatory for Human Rights",
        "the United Nations", "the Red Crescent", "the US-led coalition", "the Iraqi army"]
PEOPLE = ["Bashar al-Assad", "Haider al-Abadi", "Staffan de Mistura", "Sergei Lavrov", "Rex Tillerson",
          "Hassan Nasrallah"]
VERBS = ["said", "reported", "announced", "denied", "confirmed", "warned"]
OBJECTS = ["a new offensive near {place}", "the capture of {place}", "talks on a ceasefire in {place}",
           "an agreement to open a corridor to {place}", "heavy fighting on the outskirts of {place}",
           "the return of displaced families to {place}"]
FURNITURE_TOP = ["Home | World | Middle East | Business | Sport | Opinion", "Subscribe   Log in   Search",
                 "Breaking News: markets close higher as oil prices rise"]
FURNITURE_BOTTOM = ["Share this article: Facebook Twitter WhatsApp Email", "Advertisement",
                    "Related articles", "Most read this week", "Copyright {year} {outlet}. All rights reserved."]
SYLLABLES = ["ba", "ka", "ri", "mo", "tel", "sha", "dun", "vir", "ol", "am", "ne", "zo", "qi", "lu", "pes", "gar",
             "fen", "hu", "sto", "wel", "jar", "ip", "cro", "dee"]
START = dt.date(2017, 3, 1)
DAYS = 270


def word(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))


def sentence(rng: random.Random) -> str:
    """Mostly made-up words (so unrelated articles share few word triples, as real ones do), with a
    named subject, a place and sometimes a figure that the analysers can find."""
    subject = rng.choice(ORGS + PEOPLE)
    words = " ".join(word(rng) for _ in range(rng.randint(8, 16)))
    tail = rng.choice(["", f" where {rng.randint(2, 400)} people were killed",
                       f" after {rng.randint(1, 90)},000 people fled"])
    return f"{subject[0].upper()}{subject[1:]} {rng.choice(VERBS)} {words} near {rng.choice(PLACES)}{tail}."


def paragraphs(rng: random.Random) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(5, 10))]


def page(title: str, byline: str, outlet: str, day: dt.date, dateline: str, body: list[str],
         rng: random.Random) -> str:
    lines = rng.sample(FURNITURE_TOP, 2) + ["", title, "", byline, f"Published in {outlet} on {day:%d %B %Y}", ""]
    lines.append(f"{dateline.upper()}: {body[0]}")
    for n, text in enumerate(body[1:], 1):
        lines += ["", text]
        if n == 3:
            lines += ["", "Advertisement"]
    lines.append("")
    lines += [line.format(year=day.year, outlet=outlet) for line in FURNITURE_BOTTOM]
    return "\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 2017) -> int:
    rng = random.Random(seed)
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    wires: list[tuple[str, str, dt.date, str, list[str]]] = []
    for i in range(n):
        if wires and rng.random() < 0.125:
            title, agency, day, dateline, body = rng.choice(wires[-200:])
            copy = [p if rng.random() < 0.85 else p.replace(" said ", " told reporters ") for p in body]
            if rng.random() < 0.5:
                copy.append(" ".join(sentence(rng) for _ in range(2)))
            text = page(title + rng.choice(["", " - report", ": officials"]), f"By {agency}", rng.choice(OUTLETS),
                        day + dt.timedelta(days=rng.randint(0, 1)), dateline, copy, rng)
        else:
            day = START + dt.timedelta(days=int(rng.triangular(0, DAYS, DAYS * 0.7)))
            place = rng.choice(PLACES)
            title = f"{rng.choice(ORGS + PEOPLE)} {rng.choice(VERBS)} {rng.choice(OBJECTS).format(place=place)} {word(rng)}"
            title = title[0].upper() + title[1:]
            body = paragraphs(rng)
            if rng.random() < 0.45:
                agency = rng.choice(AGENCIES)
                wires.append((title, agency, day, place, body))
                text = page(title, f"By {agency}", rng.choice(OUTLETS), day, place, body, rng)
            else:
                text = page(title, f"By {rng.choice(AUTHORS)}", rng.choice(OUTLETS), day, place, body, rng)
        (sources / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return n


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    count = generate(int(argv[0]), Path(argv[1]))
    print(f"{count} articles -> {Path(argv[1]) / 'sources'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
