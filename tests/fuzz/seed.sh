#!/bin/sh
# seed.sh - writes the starting corpora of the fuzz targets (tests/fuzz/corpus/NAME/seed-*) from real
# data: the bundled example cluster, the seed articles, the eval fixtures, the briefing's JSONL
# and model fixtures, the built-in document-frequency model, and, when ../shared/data is beside the
# checkout, a few EASC, BBC, MultiLing and ANT files. Run from anywhere; the files it writes are
# committed, and grown corpora are merged back with scripts/fuzz.sh. Each input is cut to a few KiB
# so the replay tests stay fast. jq (to shorten JSON texts and keep the lines JSON) and iconv (for
# legacy encodings) are used when present; small models are built with summarize-model when a
# build of it is found (ARS_BUILD, default build/).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
C=$ROOT/tests/fuzz/corpus
DATA=$ROOT/../shared/data
SEP=$(printf '\377\376')
MAX=3000
BUILD=${ARS_BUILD:-$ROOT/build}
mkdir -p "$C/api" "$C/segment" "$C/eval_text" "$C/eval_grades" "$C/cli_parse" "$C/jsonl" \
    "$C/df_model"

cut_file() { head -c "$MAX" "$1"; }

# pack TARGET NAME HEADER FILE...: writes corpus/TARGET/seed-NAME, the header bytes (printf %b)
# followed by the files cut to $MAX bytes and separated by \377\376, as the targets split them.
pack() {
    target=$1 name=$2 header=$3
    shift 3
    {
        printf '%b' "$header"
        first=1
        for f in "$@"; do
            [ $first = 1 ] || printf '%s' "$SEP"
            first=0
            cut_file "$f"
        done
    } > "$C/$target/seed-$name"
}

# api: an 8-byte header of options (tests/fuzz/fuzz_api.c), then documents.
api() { pack api "$@"; }
EX=$ROOT/examples/multiling2011-M001
SEEDS=$ROOT/tests/data/seeds
api example-default '\000\001\170\000\000\177\377\377' "$EX"/M0010.txt "$EX"/M0011.txt "$EX"/M0012.txt
api example-mmr-strict '\005\000\040\000\000\100\200\377' "$EX"/M0013.txt "$EX"/M0014.txt
api example-lexrank-score '\004\004\000\003\000\177\377\017' "$EX"/M0015.txt "$EX"/M0016.txt
api seeds-textrank-fill '\003\002\030\000\000\177\377\360' "$SEEDS"/000_*.txt "$SEEDS"/001_*.txt
api seeds-lead-ratio '\001\011\000\000\300\177\377\377' "$SEEDS"/002_*.txt "$SEEDS"/003_*.txt
api seeds-centroid-none '\002\010\100\002\000\377\200\377' "$SEEDS"/004_*.txt
api same-article-twice '\000\001\170\000\000\177\377\377' "$SEEDS"/000_*.txt "$SEEDS"/000_*.txt
for f in "$ROOT"/tests/data/bad/*.txt; do
    api "bad-$(basename "$f" .txt)" '\000\001\170\000\000\177\377\377' "$f"
done
# line separators and control characters the cleaner and the printer must handle
{ printf '\000\001\170\000\000\177\377\377'; cut_file "$SEEDS"/001_*.txt | tr '\n' '\r'; } \
    > "$C/api/seed-lone-cr"
{ printf '\000\001\170\000\000\177\377\377'; cut_file "$SEEDS"/001_*.txt |
    sed 's/$/\xe2\x80\xa8/' | tr -d '\n'; } > "$C/api/seed-line-separator"
{ printf '\000\001\170\000\000\177\377\377'; cut_file "$SEEDS"/001_*.txt |
    sed 's/\./\x1b[31m.\x07/g'; } > "$C/api/seed-escape-sequences"
if [ -d "$DATA" ]; then
    api easc '\000\001\170\000\000\177\377\377' "$DATA"/easc/Topic001/docs/*.txt
    api bbc '\002\000\030\000\000\177\377\377' "$DATA"/ant_bbc_sds/B0001/docs/*.txt
fi

# segment: documents separated by \377\376, no header.
i=0
for f in "$EX"/M001[0-4].txt "$SEEDS"/*.txt; do
    i=$((i + 1))
    cut_file "$f" > "$C/segment/seed-$i"
done
{ cut_file "$SEEDS"/000_*.txt; printf '%s' "$SEP"; cut_file "$SEEDS"/000_*.txt; } \
    > "$C/segment/seed-twice"
cut_file "$SEEDS"/003_*.txt | tr '\n' '\r' > "$C/segment/seed-lone-cr"

# eval_text: a mode byte (tests/fuzz/fuzz_eval_text.c), then a peer and references.
evaltext() { pack eval_text "$@"; }
PEER=$ROOT/tests/data/eval-mini-peer/M001.txt
evaltext refs-normalized '\000' "$PEER" "$EX"/refs/A.txt "$EX"/refs/B.txt "$EX"/refs/C.txt
evaltext refs-stemmed-words '\032' "$PEER" "$EX"/refs/A.txt
evaltext refs-raw-bytes '\261' "$PEER" "$EX"/refs/B.txt "$EX"/refs/C.txt
evaltext pretokenized '\004' "$PEER" "$EX"/refs/C.txt
for d in "$ROOT"/tests/data/rouge-conformance/cases/*/; do
    set -- "$d"*/*.txt
    [ -e "$1" ] || set -- "$d"*.txt
    [ -e "$1" ] && evaltext "conformance-$(basename "$d")" '\000' "$@"
done

# eval_grades: a column byte, then a grades file.
{ printf '\000'; head -n 40 "$ROOT"/tests/data/meta-mini/grades.tsv; } > "$C/eval_grades/seed-meta-mini"
if [ -f "$DATA"/multiling2011_ar/_human/grades.tsv ]; then
    { printf '\001'; head -n 60 "$DATA"/multiling2011_ar/_human/grades.tsv; } \
        > "$C/eval_grades/seed-multiling"
fi
printf '\000Topic\tPeer\tGrade\nT\t"a""b"\t1e-310\n"M"\tID1\t4.5\r\n' > "$C/eval_grades/seed-quoted"

# cli_parse: NUL-separated arguments.
printf '120\0000.5\0001e-310\000mmr\000json\000rouge-su4\000ID1=peers/ID1\000peers/ID1/' \
    > "$C/cli_parse/seed-values"
printf '18446744073709551615\000-1\000nan\000rouge-w-1.2\000ROUGE-S*\000a=b\000a\000score' \
    > "$C/cli_parse/seed-edges"

# jsonl: a mode byte (tests/fuzz/fuzz_jsonl.c: 0 articles, 1 clusters, 2 a time, 3 encodings),
# then lines.
J=$C/jsonl
BR=$ROOT/tests/data/briefing
ANT=$DATA/ant_background/ant_background.jsonl
have() { command -v "$1" >/dev/null 2>&1; }
{ printf '\000'; head -n 6 "$BR"/morning.jsonl; } > "$J/seed-morning"
{ printf '\000'; cut_file "$BR"/morning.jsonl | tr '\n' '\r'; } > "$J/seed-morning-cr"
printf '\000{"text":"نص","id":12,"time":1523365690,"title":null,"source":"BBC"}\n{"text":"a","id":-9223372036854775808,"time":"2018-04-10T13:08:10.5+02:00"}\n{"text":"b","time":-9223372036854775807}\n{"text":"c","time":9223372036854775807,"id":"x"}\n{"text":"d","time":1.5}\n{"text":"e","time":"yesterday"}\n' \
    > "$J/seed-article-fields"
printf '\000{"text":"a","text":"b"}\n{"text":"\\u0000"}\n{"text":"\\ud800"}\n["text"]\n{"text":1}\n{"id":[1]}\n{"text":"a","title":2}\n{"text":"a","source":{}}\n{"text":"\\u0628\\ud83d\\ude00"}\n' \
    > "$J/seed-article-refused"
if [ -f "$ANT" ]; then
    i=0
    for n in 1 3001 6001 9001 12001 14692; do # one line of each outlet
        i=$((i + 1))
        line=$(sed -n "${n}p" "$ANT")
        { printf '\000'; printf '%s\n' "$line" | head -c "$MAX"; } > "$J/seed-ant-cut-$i"
        if have jq; then
            { printf '\000'; printf '%s\n' "$line" | jq -c '.text |= .[0:600]'; } > "$J/seed-ant-$i"
            { printf '\002'; printf '%s\n' "$line" | jq -j '.time'; } > "$J/seed-time-ant-$i"
        fi
    done
fi
if have jq; then
    # clusters with their documents cut to 300 characters, as given, and as objects with ids
    cut_docs='.docs |= (.[0:4] | map(if type == "string" then .[0:300] else .text |= .[0:300] end))'
    text_of='(if (.value | type) == "string" then .value else .value.text end)'
    as_objects=".docs |= (.[0:3] | to_entries | map({id: .key, title: \"t\", text: $text_of[0:200]}))"
    i=0
    while IFS= read -r line; do
        i=$((i + 1))
        [ $i -le 3 ] || break
        { printf '\001'; printf '%s\n' "$line" | jq -c "$cut_docs"; } > "$J/seed-cluster-$i"
        { printf '\001'; printf '%s\n' "$line" | jq -c "$as_objects"; } > "$J/seed-cluster-objects-$i"
    done < "$BR"/clusters.jsonl
fi
{ printf '\001'; cut_file "$ROOT"/tests/e2e/cases/batch_stdin_strict/stdin; } > "$J/seed-cluster-stdin"
printf '\001{"id":"a","docs":[]}\n{"id":7,"docs":["x",{"text":"y","id":3},{"text":"z","id":null}]}\n{"docs":"x"}\n{"id":{"k":1},"docs":[1]}\n{"docs":[{"id":"q"}]}\n{"docs":[{"text":"t","id":1.5}]}\n' \
    > "$J/seed-cluster-edges"
for t in "Tue, 10 Apr 2018 13:08:10 GMT" "Sat, 10 Mar 2018 17:08:10 +0400" "10 Apr 2018 13:08 UTC" \
    "2018-04-10T13:08:10Z" "2018-04-10 15:08:10+02:00" "2018-04-10T13:08:10,250-0130" "2018-04-10" \
    "1523365690" "-62135596800" "0001-01-01T00:00:00+00:01" "9999-12-31T23:59:60Z" "2016-02-29"; do
    printf '\002%s' "$t" > "$J/seed-time-$(printf '%s' "$t" | tr -c 'A-Za-z0-9' _)"
done
# encodings: \003 converts from the guess, \023 \027 \033 \037 from CP1256, ISO-8859-6,
# UTF-16LE, UTF-16BE (tests/fuzz/fuzz_jsonl.c)
{ printf '\003'; cut_file "$ROOT"/tests/data/bad/cp1256.txt; } > "$J/seed-enc-bad-cp1256"
if have iconv; then
    text=$(head -n 4 "$SEEDS"/001_*.txt) # whole lines: no character cut in two
    for e in CP1256:023 ISO-8859-6:027; do
        { printf "\\${e#*:}"; printf '%s\n' "$text" | iconv -c -f UTF-8 -t "${e%:*}"; } \
            > "$J/seed-enc-${e%:*}"
        { printf '\003'; printf '%s\n' "$text" | iconv -c -f UTF-8 -t "${e%:*}"; } \
            > "$J/seed-enc-guess-${e%:*}"
    done
    { printf '\003\377\376'; printf '%s\n' "$text" | head -n 2 | iconv -c -f UTF-8 -t UTF-16LE; } \
        > "$J/seed-enc-utf16le-bom"
    { printf '\037'; printf '%s\n' "$text" | head -n 2 | iconv -c -f UTF-8 -t UTF-16BE; } \
        > "$J/seed-enc-utf16be"
fi

# df_model: model files as they are. The built-in model's head and a slice of its middle, with
# the header's term count made to match; the fixtures; small models built from the morning's
# articles with each stemming.
D=$C/df_model
M=$ROOT/models/ant_background_df.tsv
slice() { # slice NAME FIRST N: the header and N term lines from term line FIRST on
    awk -v first="$2" -v n="$3" 'NR <= 5 { if ($1 == "terms") print "terms", n; else print; next }
        NR - 5 >= first && NR - 5 < first + n' "$M" > "$D/seed-$1"
}
slice builtin-head 1 300
slice builtin-middle 20000 150
cp "$BR"/bad-model.tsv "$D/seed-bad-model"
cp "$BR"/old-model.tsv "$D/seed-old-model"
awk 'NR <= 5 { if ($1 == "terms") print "terms", 3; else print; next } NR <= 8' "$M" |
    tr '\n' '\r' > "$D/seed-builtin-cr"
if [ -x "$BUILD/summarize-model" ]; then
    for stem in snowball none; do
        "$BUILD/summarize-model" -q --input-format jsonl --stem $stem --min-df 1 \
            -o "$D/seed-morning-$stem" "$BR"/morning.jsonl
        head -c "$MAX" "$D/seed-morning-$stem" > "$D/seed-morning-$stem.cut"
        mv "$D/seed-morning-$stem.cut" "$D/seed-morning-$stem"
    done
fi
