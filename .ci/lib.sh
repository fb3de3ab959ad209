# Sourced by the .ci scripts that test as a user would: a phase line with the time the
# previous phase took, and a failure that says what was expected.
phase_start=$SECONDS
phase() {
  echo "-- $1 (previous step: $((SECONDS - phase_start)) s)"
  phase_start=$SECONDS
}
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
