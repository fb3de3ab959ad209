//! Hostile but valid input builds, and LibreOffice opens what it built: XML specials and
//! CDATA ends, Arabic, Chinese, Russian and emoji, a 1 MB paragraph, 5,000 entries, file
//! and folder names with spaces and accents, CRLF with a byte-order mark.

use std::fs;

use crate::hostile::harness;
use crate::hostile::harness::toml_string;
use crate::hostile::support;

const HOSTILE: &str = "Tom & Jerry <&> 1 < 2 > 0 \"quoted\" 'single' ]]> end";
const ARABIC: &str = "تقرير الاتحاد الدولي للاتصالات";
const CHINESE: &str = "国际电信联盟理事会报告";
const RUSSIAN: &str = "Доклад Совета МСЭ";
const EMOJI: &str = "📡🌍👩‍💻";
/// What every output (the DOCX, the text report, LibreOffice's view of the DOCX) must hold.
const IN_EVERY_OUTPUT: [&str; 6] = [
    HOSTILE,
    ARABIC,
    CHINESE,
    RUSSIAN,
    EMOJI,
    "Windows line ends.",
];

#[test]
fn hostile_valid_report_builds_and_libreoffice_opens_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let entries = tmp.path().join("entrées du Conseil");
    support::many_entries(&entries, 5000, 12);

    // Names with spaces and accents, at any depth.
    let odd = entries.join("Section spéciale/sous-dossier à accents");
    fs::create_dir_all(&odd).expect("create folders");
    fs::write(
        odd.join("2 – entrée hostile é.toml"),
        format!(
            "number = \"2\"\ntitle = {}\ntext = {}\n",
            toml_string(&format!("{HOSTILE} {ARABIC}")),
            toml_string(&format!(
                "{HOSTILE}\n\n{ARABIC}\n\n{CHINESE}\n\n{RUSSIAN}\n\n{EMOJI} ok\n\n- {HOSTILE}"
            )),
        ),
    )
    .expect("write the hostile entry");
    // CRLF with a byte-order mark.
    fs::write(
        odd.join("3 crlf bom.toml"),
        "\u{FEFF}number = \"3\"\r\ntitle = \"CRLF\"\r\ntext = \"\"\"\r\nWindows line ends.\r\n\r\nSecond paragraph.\r\n\"\"\"\r\n",
    )
    .expect("write the CRLF entry");
    // A 1 MB paragraph of words.
    let long = "paragraph ".repeat(100_000);
    fs::write(
        entries.join("4 long.toml"),
        format!("number = \"4\"\ntext = \"Long: {}\"\n", long.trim_end()),
    )
    .expect("write the long entry");

    let out = tmp.path().join("sortie réservée");
    let o = support::build(&entries, &out);
    assert_eq!(crate::common::code(&o), 0, "{}", crate::common::stderr(&o));
    let docx_path = out.join("C18-99-E.docx");
    let docx = fs::read(&docx_path).expect("the DOCX");
    harness::assert_xml_parts_parse(&docx);

    let paragraphs = support::docx_paragraphs(&docx);
    let numbered = paragraphs.iter().filter(|p| p.starts_with("1.")).count();
    assert!(numbered >= 4999, "{numbered} numbered paragraphs");
    for needle in IN_EVERY_OUTPUT {
        assert!(
            paragraphs.iter().any(|p| p.contains(needle)),
            "{needle} is not in the DOCX"
        );
    }
    assert!(paragraphs.iter().any(|p| p.len() > 1_000_000));
    let text = fs::read_to_string(out.join("C18-99-E.txt")).expect("the text report");
    for needle in IN_EVERY_OUTPUT {
        assert!(text.contains(needle), "{needle} is not in the text report");
    }

    let Some(soffice) = support::soffice() else {
        return;
    };
    let lo = support::libreoffice_text(&soffice, &docx_path, tmp.path());
    for needle in IN_EVERY_OUTPUT.iter().chain(&["1.4999\tEntry 4999:"]) {
        assert!(lo.contains(needle), "LibreOffice does not show {needle}");
    }
    assert!(
        lo.lines().any(|l| l.len() > 1_000_000),
        "LibreOffice lost the 1 MB paragraph"
    );
}
