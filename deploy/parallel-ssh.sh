#!/usr/bin/env bash
# Spreads one dossier run over several machines with GNU parallel over ssh, then joins the shards into one run folder.
# Shard k of N (dossier render --shard k/N) runs on whichever host is free; each writes RUN/shard-k; the end result is
# RUN/all: every case folder, report.json/report.csv in input order (dossier report merge) and index.html.
#
#   SHARDS=6 HOSTS=2/alice@build1,2/build2 bash deploy/parallel-ssh.sh RUN INPUT... [-- RENDER OPTIONS...]
#   SHARDS=6 HOSTS=2/alice@build1,2/build2 bash deploy/parallel-ssh.sh /srv/runs/2027-03-15 /srv/clients.csv -- --date 2027-03-15
#
# HOSTS is GNU parallel's --sshlogin list ("2/host" = 2 shards at a time on host; ":" = this machine, which is how
# Tests/DossierKitTests/DistributedRunTests.swift runs it). Every host needs `dossier` on its PATH (or DOSSIER=path)
# and must see INPUT and RUN at the same paths (a shared folder: NFS, SMB, a synced volume). Exit 0 when every shard
# ran (a shard whose cases had errors still ran: they are in the report); 2 when a shard could not run.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
RUN=$1; shift
inputs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do inputs+=("$1"); shift; done
[ $# -gt 0 ] && shift
options=("$@")
SHARDS=${SHARDS:-4}
HOSTS=${HOSTS:-:}
DOSSIER=${DOSSIER:-dossier}
command -v parallel >/dev/null || { echo "parallel-ssh: GNU parallel is not installed (apt-get install parallel)" >&2; exit 2; }
mkdir -p "$RUN"

# One job per shard; -q passes every argument quoted, also through ssh. dossier exits 1 when some case had errors:
# the shard ran, so exit values 0 and 1 both count as done (read back from the job log).
parallel -q --will-cite --sshlogin "$HOSTS" --joblog "$RUN/parallel.log" --tag \
    "$DOSSIER" render "${inputs[@]}" --out "$RUN/shard-{}" --shard "{}/$SHARDS" "${options[@]}" \
    ::: $(seq "$SHARDS") || true
failed=$(awk -F'\t' 'NR > 1 && ($7 > 1 || $8 != 0) {print "shard " $1 " on " $2 ": exit " $7 ", signal " $8}' "$RUN/parallel.log")
if [ -n "$failed" ]; then
    echo "parallel-ssh: these shards did not run to the end (see $RUN/parallel.log):" >&2
    echo "$failed" >&2
    exit 2
fi

shards=()
for k in $(seq "$SHARDS"); do shards+=("$RUN/shard-$k"); done
mkdir -p "$RUN/all"
for shard in "${shards[@]}"; do cp -R "$shard/." "$RUN/all/"; done
"$DOSSIER" report merge "${shards[@]}" --out "$RUN/all"
"$DOSSIER" report html "$RUN/all"
