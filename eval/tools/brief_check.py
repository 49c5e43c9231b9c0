#!/usr/bin/env python3
"""brief_check.py - counts what an editor would strike from summaries: date-only lines, headlines,
list lead-ins, fragments and sentences that dangle. An independent check of summarize's output (Python, standard library,
its own rules), used for the before/after counts in docs/EVALUATION.md.

usage: brief_check.py --data DATASET SUMMARY_DIR...
  DATASET/<topic>/docs/*.txt are the inputs, SUMMARY_DIR/<topic>.txt one sentence per line.

Rules (deliberately simple and written apart from the C code):
  date-only  every word is a day or month name, a number, يوم/الموافق or an era mark, and there
             is a number and a name
  headline   the line is the first line of an input article, and that article's next non-blank
             line is a date-only line, or the first line has no final punctuation and at most
             25 words, or it ends with ? ؟ or ! and has at most 15 words
  lead-in    the line ends with a colon
  fragment   fewer than 4 words, or a closing quote with no opening one before it (the tail of a
             quotation that began elsewhere)
  dangling   the line opens with "but", "however", "also", "so", "after that", a pronoun or
             "this"/"that", or a verb of saying followed by "that", a colon or a quote (no subject),
             and the line before it in the summary is not the text just before it in an article
"""
import argparse
import os
import re
import sys

DAYS = "السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه".split()
MONTHS = ("يناير فبراير مارس ابريل افريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر "
          "نوفمبر ديسمبر كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين الاول الثاني "
          "محرم صفر ربيع جمادي رجب شعبان رمضان شوال").split()
FILLERS = "يوم الموافق م ه هـ".split()


def fold(s):
    s = re.sub("[\u064B-\u065F\u0670\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))


def words(s):
    return re.findall(r"\w+", fold(s))


def is_date_only(line):
    ws = words(line)
    if not ws:
        return False
    named = number = False
    for w in ws:
        if w.isdigit():
            number = True
        elif w in DAYS or w in MONTHS:
            named = True
        elif w not in FILLERS and not re.fullmatch(r"\d{4}[مه]", w):
            return False
    return named and number


DANGLING_OPENERS = re.compile(
    r"^(?:و?لكن(?:ه|ها|هم)?|(?:الا|غير) ان(?:ه|ها|هم)?|و?مع ذلك|و?رغم ذلك|كما|و?كذلك|و?ايضا|"
    r"و?ل(?:ذلك|ذا|هذا)|و?بالتالي|ثم|و?بعد ذلك|و?اثر ذلك|و?الي ذلك|و?في المقابل|"
    r"و?في (?:هذه )?الاثناء|و?في غضون ذلك|و?في هذا السياق|و?علاوه علي ذلك|"
    r"[وف]?(?:هو|هي|هم|هما)|[وف]?(?:هذا|هذه|ذلك|تلك)(?! (?:العام|السنه|الشهر|الاسبوع|اليوم))"
    r")(?:\s|$|[،,:])")
SAYING = re.compile(
    r"^[وف]?(?:قال|اضاف|تابع|اوضح|اشار|اكد|ذكر|شدد|اعرب|اعلن|زعم)(?:ت|وا)?\s*"
    r"(?:[:،,\"«“]|(?:ان|انه|انها|انهم|بان|في|عن|علي)(?:\s|$))")


def opens_dangling(line):
    head = fold(line.strip().lstrip("-• "))
    return bool(DANGLING_OPENERS.match(head) or SAYING.match(head))


def follows_in_article(prev, line, article_texts):
    """Is the end of prev followed, in some article, by the start of line (white space folded; a
    missing space after a period counts as one)?"""
    end, start = norm_line(prev)[-30:], norm_line(line)[:30]
    return any(end + " " + start in text or end + start in text for text in article_texts)


def article_texts(doc_dir):
    texts = []
    for name in sorted(os.listdir(doc_dir)):
        if name.endswith(".txt"):
            with open(os.path.join(doc_dir, name), encoding="utf-8-sig") as f:
                texts.append(norm_line(f.read()))
    return texts


def norm_line(s):
    return " ".join(s.split())


def headlines(doc_dir):
    found = set()
    for name in sorted(os.listdir(doc_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(doc_dir, name), encoding="utf-8-sig") as f:
            lines = [l.strip() for l in f.read().splitlines() if l.strip()]
        if not lines:
            continue
        first = lines[0]
        dated = len(lines) > 1 and is_date_only(lines[1])
        n = len(words(first))
        unpunctuated = not re.search(r"[.!?؟…][\"'»”)]*$", first) and n <= 25
        asks = bool(re.search(r"[!?؟][\"'»”)]*$", first)) and n <= 15
        if dated or unpunctuated or asks:
            found.add(norm_line(first))
    return found


def is_fragment(line):
    if len(words(line)) < 4:
        return True
    for opener, closer in (("«", "»"), ("“", "”")):
        depth = 0
        for ch in line:
            if ch == opener:
                depth += 1
            elif ch == closer:
                if depth == 0:
                    return True
                depth -= 1
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("systems", nargs="+")
    a = ap.parse_args()
    topics = sorted(t for t in os.listdir(a.data)
                    if not t.startswith("_") and os.path.isdir(os.path.join(a.data, t)))
    print("system,lines,date_only,headline,lead_in,fragment,dangling")
    for system in a.systems:
        counts = dict(lines=0, date_only=0, headline=0, lead_in=0, fragment=0, dangling=0)
        for t in topics:
            path = os.path.join(system, t + ".txt")
            if not os.path.exists(path):
                print(f"brief_check: {path}: missing", file=sys.stderr)
                return 2
            heads = headlines(os.path.join(a.data, t, "docs"))
            texts = article_texts(os.path.join(a.data, t, "docs"))
            prev = None
            with open(path, encoding="utf-8") as f:
                for line in f.read().splitlines():
                    if not line.strip():
                        continue
                    counts["dangling"] += opens_dangling(line) and not (
                        prev is not None and follows_in_article(prev, line, texts))
                    prev = line
                    counts["lines"] += 1
                    counts["date_only"] += is_date_only(line)
                    counts["headline"] += norm_line(line) in heads
                    counts["lead_in"] += line.rstrip().endswith(":")
                    counts["fragment"] += is_fragment(line)
        name = os.path.basename(os.path.normpath(system))
        print(",".join([name] + [str(counts[k]) for k in
                                 ("lines", "date_only", "headline", "lead_in", "fragment",
                                  "dangling")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
