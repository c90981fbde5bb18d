#!/usr/bin/env bash
# Rebuilds the report fixture: learners/ (score files made by the real record
# API through bench/gen_scores, then damaged the way people damage files) and
# expected.csv is NOT touched: after running this, run the report by hand
# (see run.sh), read the whole CSV, and only then copy it over expected.csv.
#
# Usage: tests/data/report/make.sh GEN_SCORES
#
# The files are deterministic: the same generator and station.key give the
# same bytes. What each learner is for:
#   anna.berg     certified (every module quiz and the exam passed)
#   ben.oneil     not certified: fails the exam twice (no attempts left);
#                 a name with a comma and quotes (CSV quoting)
#   carla.diaz    tampered: her failed exam edited to "passed yes" (edited)
#   dmitri.ivanov tampered: his second record deleted (missing)
#   eva.lind      truncated: the file ends inside her last record
#   station2/hiro.tanaka  in a subfolder (the report looks into folders)
#   greta.novak   foreign: signed on another station (wrong key)
#   notes.txt     foreign: not a score file
#   empty.scores  foreign: an empty file
#   lost.scores   unreadable: a link to a file that is not there
set -euo pipefail
if [ $# -ne 1 ]; then
    sed -n '2,21p' "$0" >&2
    exit 2
fi
gen=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$here"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Git does not keep modes; the generator wants the key private.
mkdir -p "$tmp/station"
cp station.key "$tmp/station/station.key"
chmod 600 "$tmp/station/station.key"

one() { # ID NAME SKILL ATTEMPTS SEED [DATA]
    "$gen" --data "${6:-$tmp/station}" --courses courses --assets "$root/assets" --course demo \
        --id "$1" --name "$2" --skill "$3" --attempts "$4" --seed "$5"
}
one anna.berg "Anna Berg" 1.0 3 11
one ben.oneil "Ben O'Neil, \"BJ\"" 0.3 6 12
one carla.diaz "Carla Díaz" 0.55 3 13
one dmitri.ivanov "Dmitri Ivanov" 0.8 5 14
one eva.lind "Eva Lind" 0.85 4 15
one hiro.tanaka "Hiro Tanaka" 0.7 6 16
one greta.novak "Greta Novak" 0.9 3 17 "$tmp/other"

rm -rf learners
mkdir -p learners/station2
l="$tmp/station/learners"
cp "$l/anna.berg.scores" "$l/ben.oneil.scores" learners/
cp "$l/hiro.tanaka.scores" learners/station2/
cp "$tmp/other/learners/greta.novak.scores" learners/
# Carla's exam (record 5, after its start record 4) said "passed no"; someone made it say yes.
python3 - "$l/carla.diaz.scores" learners/carla.diaz.scores <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
records = re.split(r"(?m)^(?=record )", text)
assert "mode exam" in records[5] and "passed no" in records[5], "regenerate: carla's exam must fail"
records[5] = records[5].replace("passed no", "passed yes", 1)
open(sys.argv[2], "w", encoding="utf-8").write("".join(records))
EOF
# Dmitri's record 2 (his first quiz) deleted.
python3 - "$l/dmitri.ivanov.scores" learners/dmitri.ivanov.scores <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
records = re.split(r"(?m)^(?=record )", text)
del records[2]
open(sys.argv[2], "w", encoding="utf-8").write("".join(records))
EOF
# Eva's file cut 200 bytes before its end, inside her last record.
size=$(stat -c %s "$l/eva.lind.scores")
head -c $((size - 200)) "$l/eva.lind.scores" >learners/eva.lind.scores
printf 'Collected from the stations on Monday; station 3 was offline.\n' >learners/notes.txt
: >learners/empty.scores
ln -s gone.scores learners/lost.scores
echo "fixture written to $here/learners"
