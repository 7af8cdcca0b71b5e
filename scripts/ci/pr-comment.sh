#!/usr/bin/env bash
# Writes the Markdown of a pull request's architecture comment to standard output: only the
# topologies the PR adds, removes or changes (not every file), a summary table first, each
# diff collapsed under <details>, and at most $TOPOGRAPH_COMMENT_LIMIT characters (default
# 60,000, under GitHub's 65,536) with a note saying what was left out. Used by action.yml
# (command: diff) and usable on its own:
#
#   scripts/ci/pr-comment.sh BASE_REF [PATHSPEC...]     # default pathspec: *.yaml *.yml
#
# Exit 0 with the comment; exit 3 with nothing on stdout when no topology changed; 2 on
# errors (an invalid topology on the PR side is listed as such, and also exits 2).
set -uo pipefail

base=${1:?usage: pr-comment.sh BASE_REF [PATHSPEC...]}
shift
[ $# -gt 0 ] || set -- '*.yaml' '*.yml'
limit=${TOPOGRAPH_COMMENT_LIMIT:-60000}
topograph=${TOPOGRAPH:-topograph}
marker='<!-- topograph-diff -->'

# Reads all of its input (grep -q would stop early and break `git show | ...` with SIGPIPE).
is_topology() { awk '/^topograph:/ { found = 1 } END { exit !found }'; }
merge_base=$(git merge-base "$base" HEAD 2>/dev/null) || {
    echo "pr-comment: cannot find a merge base of $base and HEAD (check out with fetch-depth: 0)" >&2
    exit 2
}

rows=()
details=()
status=0
# By path, without rename detection: a topology is named by its file, and a moved file
# shows as one removed and one added topology.
while IFS=$'\t' read -r change old; do
    [ -n "$change" ] || continue
    new=$old
    case "$change" in
        A*)
            is_topology < "$new" || continue
            body=$("$topograph" diff /dev/null "$new" --format markdown --ignore docs 2>&1); code=$?
            kind=added ;;
        D*)
            git show "$merge_base:$old" | is_topology || continue
            count=$(git show "$merge_base:$old" | "$topograph" validate - 2>/dev/null | sed -n 's/.*ok (\([0-9]*\) resources.*/\1/p')
            rows+=("| \`$old\` | removed | ${count:-?} resources before |")
            continue ;;
        *)
            is_topology < "$new" || continue
            body=$("$topograph" diff "$merge_base:$old" "$new" --format markdown --exit-code --ignore docs 2>&1); code=$?
            [ "$code" -eq 0 ] && continue  # YAML edits that change nothing in the architecture (or only its notes and links)
            kind=changed ;;
    esac
    if [ "$code" -ge 2 ]; then
        status=2
        rows+=("| \`$new\` | **invalid** | see the job log |")
        printf '%s\n' "$body" >&2
        continue
    fi
    summary=$(printf '%s\n' "$body" | sed -n 's/^\*\*\(.*\)\*\*$/\1/p' | head -1)
    rows+=("| \`$new\` | $kind | ${summary:-changed} |")
    details+=("<details><summary><code>$new</code>: $kind</summary>

$(printf '%s\n' "$body" | grep -vxF "$marker")

</details>")
done < <(git diff --name-status --no-renames --diff-filter=ADM "$merge_base" -- "$@")

[ ${#rows[@]} -gt 0 ] || exit 3

head="$marker
### Architecture changes

| topology | change | summary |
|---|---|---|
$(printf '%s\n' "${rows[@]}")
"
out=$head
shown=0
for block in "${details[@]}"; do
    # Leave room for the note that says what was cut.
    if [ $(( ${#out} + ${#block} + 400 )) -gt "$limit" ]; then break; fi
    out+="
$block
"
    shown=$((shown + 1))
done
if [ "$shown" -lt ${#details[@]} ]; then
    out+="
> **Note:** $(( ${#details[@]} - shown )) of ${#details[@]} diffs are not shown: a comment is limited to $limit characters. Run \`topograph diff $base:FILE FILE\` locally, or read the job log, for all of them.
"
fi
printf '%s' "$out"
exit "$status"
