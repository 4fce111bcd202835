#!/bin/sh
# Runs "$@" on an X server of its own (the UI tests' --wrapper under the
# sanitizers). Xvfb picks a free display number itself and tells it on
# -displayfd, so two programs started at the same moment never race for
# one, as two `xvfb-run -a` can (each picks the first number with no lock
# file, then one of the two servers fails to start).
set -u
out=$(mktemp)
Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$out" 2>/dev/null &
server=$!
i=0
while [ ! -s "$out" ] && [ $i -lt 200 ]; do
  sleep 0.05
  i=$((i + 1))
done
if [ ! -s "$out" ]; then
  echo "xvfb-wrapper: Xvfb did not start within 10 s" >&2
  kill $server 2>/dev/null
  rm -f "$out"
  exit 1
fi
DISPLAY=":$(head -n 1 "$out")"
export DISPLAY
rm -f "$out"
"$@"
status=$?
kill $server 2>/dev/null
wait $server 2>/dev/null
exit $status
