# purity.awk - purity and inverse purity of a briefing's stories (JSON Lines from summarize
# --briefing -f jsonl) against classes. A document's class is its label in the file `gold`
# (ID<TAB>CLASS lines; unlisted documents are classes of their own), or without gold the name
# of the folder above its docs/ folder (.../M001/docs/M0010.txt -> M001). Prints both and fails
# (exit 1) when one is below `min`.
BEGIN {
    if (gold != "")
        while ((getline line < gold) > 0) {
            if (line ~ /^#/) continue
            split(line, f, "\t")
            label[f[1]] = f[2]
        }
}
{
    story++
    s = $0
    sub(/.*"documents":\[/, "", s)
    sub(/\].*/, "", s)
    n = split(s, docs, ",")
    for (i = 1; i <= n; i++) {
        d = docs[i]
        gsub(/"/, "", d)
        if (gold != "") c = (d in label) ? label[d] : d
        else { c = d; sub(/\/docs\/[^\/]*$/, "", c); sub(/.*\//, "", c) }
        count[story, c]++
        classes[c] = 1
        total++
    }
    stories = story
}
END {
    for (k in count) {
        split(k, p, SUBSEP)
        if (count[k] > best_story[p[1]]) best_story[p[1]] = count[k]
        if (count[k] > best_class[p[2]]) best_class[p[2]] = count[k]
    }
    for (s in best_story) pur += best_story[s]
    for (c in best_class) inv += best_class[c]
    printf "%d articles, %d stories: purity %.3f, inverse purity %.3f\n", total, stories, pur / total, inv / total
    if (pur / total < min || inv / total < min) { print "FAIL: below " min; exit 1 }
}
