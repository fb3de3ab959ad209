//! The JSON Schemas editors use: the committed files are what `schema` prints (so they are
//! never stale), every file of `entries/` is valid against them, and files with an unknown
//! key or a wrong type are not.

use std::path::Path;

use council_report::schema::{Kind, schema, schema_text};
use serde_json::Value;

fn committed(kind: Kind) -> String {
    let path = crate::common::root().join("schemas").join(kind.file_name());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (kind, flag) in [(Kind::Entry, None), (Kind::Report, Some("--report"))] {
        let fresh = schema_text(kind);
        assert!(
            committed(kind) == fresh,
            "schemas/{} is stale: run `cargo run -- schema{} > schemas/{}`",
            kind.file_name(),
            flag.map_or(String::new(), |f| format!(" {f}")),
            kind.file_name(),
        );
        let mut args = vec!["schema"];
        args.extend(flag);
        let out = crate::common::run(&args);
        assert_eq!(crate::common::code(&out), 0);
        assert_eq!(crate::common::stdout(&out), fresh);
    }
}

/// TOML as JSON, as an editor validates it: dates become "YYYY-MM-DD" strings.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

fn json_of(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read");
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    to_json(&toml::Value::Table(table))
}

/// A schema as an editor's validator reads it: Python's `jsonschema` (the reference
/// implementation, what `check-jsonschema` and pre-commit hooks run), formats checked.
/// A subprocess rather than a Rust validator crate: the `jsonschema` crate was a seventh
/// of the build of `cargo test` from a fresh clone (about 140 of 970 CPU-seconds on the
/// 2-core machine) for these four tests. `None` where Python's `jsonschema` is not
/// installed (the test is skipped), except under CI.
struct Validator(Value);

fn validator(kind: Kind) -> Option<Validator> {
    crate::common::tool("python3", "--version")?;
    let found = std::process::Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "Python's jsonschema is required under CI (.ci/install-tools.sh installs it)"
        );
        eprintln!("skipped: Python's jsonschema is not installed");
        return None;
    }
    Some(Validator(schema(kind)))
}

/// Validates each instance against the schema (draft 07, formats checked) and prints, per
/// instance, one line: the JSON list of its errors as `/path/to/value: message`.
const VALIDATE: &str = r#"
import json, sys, jsonschema
job = json.load(sys.stdin)
cls = jsonschema.validators.validator_for(job["schema"])
cls.check_schema(job["schema"])
checker = getattr(cls, "FORMAT_CHECKER", None) or jsonschema.draft7_format_checker
validator = cls(job["schema"], format_checker=checker)
for instance in job["instances"]:
    print(json.dumps([
        "".join("/" + str(p) for p in e.absolute_path) + ": " + e.message
        for e in validator.iter_errors(instance)
    ]))
"#;

/// The errors of each instance, in one run of the validator.
fn errors_each(v: &Validator, instances: &[Value]) -> Vec<Vec<String>> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("python3")
        .args(["-c", VALIDATE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let job = serde_json::json!({ "schema": v.0, "instances": instances });
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(job.to_string().as_bytes())
        .expect("the job is sent");
    let o = child.wait_with_output().expect("python3 ends");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let each: Vec<Vec<String>> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON list"))
        .collect();
    assert_eq!(each.len(), instances.len(), "one line per instance");
    each
}

fn errors(v: &Validator, instance: &Value) -> Vec<String> {
    errors_each(v, std::slice::from_ref(instance))
        .pop()
        .unwrap_or_default()
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

#[test]
fn every_sample_file_is_valid() {
    let (Some(entry), Some(report)) = (validator(Kind::Entry), validator(Kind::Report)) else {
        return;
    };
    let mut files = Vec::new();
    toml_files(&crate::common::root().join("entries"), &mut files);
    assert!(files.len() > 50);
    let (reports, entries): (Vec<_>, Vec<_>) =
        files.into_iter().partition(|f| f.ends_with("report.toml"));
    for (v, files) in [(&report, reports), (&entry, entries)] {
        let instances: Vec<Value> = files.iter().map(|f| json_of(f)).collect();
        for (f, errs) in files.iter().zip(errors_each(v, &instances)) {
            assert!(errs.is_empty(), "{}: {errs:?}", f.display());
        }
    }
}

#[test]
fn unknown_keys_and_wrong_types_are_rejected() {
    let Some(entry) = validator(Kind::Entry) else {
        return;
    };
    let fixtures = crate::common::root().join("tests/fixtures/check");
    for (file, why) in [
        ("e003-unknown-key/2/2.1.toml", "sectr"),
        ("e004-wrong-type/2/2.1.toml", "number"),
    ] {
        let errs = errors(&entry, &json_of(&fixtures.join(file)));
        assert!(!errs.is_empty(), "{file} passed");
        assert!(errs.iter().any(|e| e.contains(why)), "{file}: {errs:?}");
    }
    for (instance, what) in [
        (
            r#"number = "2.9"
sector = "ITU-X""#,
            "a sector not in the list",
        ),
        (r#"number = "2.09""#, "a malformed number"),
        (
            r#"number = "2"
[event]
name = "x"
place = "y"
start = "2017-13-01""#,
            "an impossible date",
        ),
        (
            r#"number = "2"
[[recommendations]]
id = "ITU-T Y.1"
title = "t"
status = "done""#,
            "an unknown status",
        ),
        (
            r#"number = "2"
resolutions = ["101"]"#,
            "a resolution as a string",
        ),
    ] {
        let table: toml::Table = instance.parse().expect("TOML");
        let errs = errors(&entry, &to_json(&toml::Value::Table(table)));
        assert!(!errs.is_empty(), "{what} passed");
    }
    let Some(report) = validator(Kind::Report) else {
        return;
    };
    let mut bad = json_of(&crate::common::root().join("entries/report.toml"));
    bad["layout"]["colour"] = Value::from("red");
    assert!(!errors(&report, &bad).is_empty());
}

#[test]
fn the_skeleton_new_writes_is_valid() {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_tree(
        &crate::common::root().join("entries"),
        &dir.path().join("entries"),
    );
    let out = crate::common::run_in(dir.path(), &["new", "--under", "2.9", "--title", "Demo"]);
    assert_eq!(
        crate::common::code(&out),
        0,
        "{}",
        crate::common::stderr(&out)
    );
    let file = dir.path().join(crate::common::stdout(&out).trim());
    let Some(entry) = validator(Kind::Entry) else {
        return;
    };
    let errs = errors(&entry, &json_of(&file));
    assert!(errs.is_empty(), "{errs:?}");
}

/// An imported report.toml with placeholders (a `TODO` string where the date goes) is
/// valid for an editor too; a date in quotes that is not a placeholder is not.
#[test]
fn placeholders_are_valid_and_other_strings_for_the_date_are_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let into = dir.path().join("entries");
    let out = crate::common::run(&[
        "import",
        "tests/fixtures/import/word-export-no-header.txt",
        "--into",
        into.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        crate::common::code(&out),
        0,
        "{}",
        crate::common::stderr(&out)
    );
    let Some(report) = validator(Kind::Report) else {
        return;
    };
    let mut imported = json_of(&into.join("report.toml"));
    assert!(
        imported["document"]["date"]
            .as_str()
            .is_some_and(|d| d.starts_with("TODO")),
        "{imported}"
    );
    let errs = errors(&report, &imported);
    assert!(errs.is_empty(), "{errs:?}");
    imported["document"]["date"] = Value::from("22 March 2018");
    assert!(!errors(&report, &imported).is_empty());
}
