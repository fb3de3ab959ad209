//! Silent skips and wrong codes (issue 12, finding 10): entry files named `.TOML`,
//! `.Toml` or with a space after `.toml` are read, not dropped from the report without a
//! word; a missing `--templates` folder is a usage error (exit 2).

use std::fs;
use std::path::Path;

use crate::common::{code, stderr};
use crate::hostile::support;

#[test]
fn entry_files_named_toml_in_any_case_or_with_a_trailing_space_are_read() {
    let (tmp, entries) = support::small_report_in_temp();
    for (name, n) in [("1.1.TOML", 1), ("1.2.Toml", 2), ("1.3.toml ", 3)] {
        fs::write(
            entries.join(name),
            format!("number = \"1.{n}\"\ntext = \"Entry number {n} was read.\"\n"),
        )
        .expect("write an entry");
    }
    let out = tmp.path().join("out");
    let o = support::build_with(&entries, &out, &[Path::new("--deny-warnings")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("checked 4 entries"), "{}", stderr(&o));
    let text = fs::read_to_string(out.join("C18-99-E.txt")).expect("the text report");
    for n in 1..=3 {
        assert!(
            text.contains(&format!("Entry number {n} was read.")),
            "{text}"
        );
    }
}

#[test]
fn a_missing_templates_folder_is_exit_2() {
    let (tmp, entries) = support::small_report_in_temp();
    let out = tmp.path().join("out");
    let missing = tmp.path().join("nonexistent");
    let o = support::build_with(&entries, &out, &[Path::new("--templates"), &missing]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot read the templates folder"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}
