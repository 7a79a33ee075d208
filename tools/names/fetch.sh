#!/bin/sh
# Download the packages the name-list generators read into tools/.cache/ (git-ignored).
# Needs the machine's apt sources (run `apt-get update` once first) and pip.
set -eu
cache="$(cd "$(dirname "$0")/.." && pwd)/.cache"
mkdir -p "$cache/deb" "$cache/pypi"
cd "$cache/deb"
[ -f wamerican_2020.12.07-2_all.deb ] || apt-get download wamerican=2020.12.07-2
[ -f scowl_2020.12.07-2_all.deb ] || apt-get download scowl=2020.12.07-2
cd "$cache/pypi"
[ -f pypinyin-0.55.0-py2.py3-none-any.whl ] || pip download --no-deps --only-binary=:all: -d . pypinyin==0.55.0
[ -f faker-40.63.0-py3-none-any.whl ] || pip download --no-deps --only-binary=:all: -d . faker==40.63.0
echo "packages in $cache: deb/ pypi/ (the generators check their SHA-256)"
