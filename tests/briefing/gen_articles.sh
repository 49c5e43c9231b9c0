#!/bin/sh
# gen_articles.sh - writes N small synthetic Arabic articles for the scale tests, deterministically
# (arithmetic only, no random numbers, so every awk writes the same bytes): DIR/gNN/NNNNNN.txt, a
# hundred folders, articles 10*e .. 10*e+9 about "event" e. Each article is a title and two
# sentences mixing twelve made-up words of its event with common news words, so that the
# articles of an event resemble each other and little else.
# Usage: gen_articles.sh DIR N
set -eu
DIR=$1
N=$2
g=0
while [ "$g" -lt 100 ]; do mkdir -p "$DIR/g$(printf %02d "$g")"; g=$((g + 1)); done
awk -v dir="$DIR" -v n="$N" 'BEGIN {
    split("ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي", L, " ")
    split("قال الرئيس اليوم الحكومة الوزير أعلن مصادر رسمية الأمن مدينة الشرطة المحكمة البرلمان الاتفاق", C, " ")
    for (i = 0; i < n; i++) {
        e = int(i / 10)
        file = sprintf("%s/g%02d/%06d.txt", dir, i % 100, i)
        title = ""
        for (j = 0; j < 5; j++) title = title (j ? " " : "") word(e * 12 + (i + j) % 12)
        body = ""
        for (s = 0; s < 2; s++) {
            sent = ""
            for (j = 0; j < 12; j++) {
                w = (j % 3 == 2) ? C[1 + (i + s + j) % 14] : word(e * 12 + (i * 7 + s * 5 + j) % 12)
                sent = sent (j ? " " : "") w
            }
            body = body (s ? " " : "") sent "."
        }
        printf "%s\n\n%s\n", title, body > file
        close(file)
    }
}
# A made-up word for k: "ال" and four letters in base 28, so distinct k give distinct words.
function word(k,    s, d) {
    s = ""
    for (d = 0; d < 4; d++) { s = s L[1 + k % 28]; k = int(k / 28) }
    return "ال" s
}'
