//! The rustc-style rendering, drawn by annotate-snippets (the renderer cargo uses).

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Severity, Sources, visible};

pub(super) fn render(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        out.push_str(&renderer.render(&[group(d, sources)]));
        out.push_str("\n\n");
    }
    out
}

fn group<'a>(d: &'a Diagnostic, sources: &'a Sources) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(d.message.as_str()).id(d.code.as_str());
    // annotate-snippets draws the controls of messages and quoted lines as pictures, but
    // prints paths as they are.
    let mut group = match (d.file, &d.span) {
        (Some(id), Some(span)) => match sources.text(id) {
            Some(text) => {
                let (text, span) = c1_written_out(text, clamp(text, span));
                let mut ann = AnnotationKind::Primary.span(span);
                if let Some(label) = &d.label {
                    ann = ann.label(label.as_str());
                }
                title.element(
                    Snippet::source(text)
                        .path(Some(visible(sources.path(id), false)))
                        .annotation(ann)
                        .fold(true),
                )
            }
            None => title.element(Origin::path(visible(sources.path(id), false))),
        },
        (Some(id), None) => title.element(Origin::path(visible(sources.path(id), false))),
        _ => Group::with_title(title),
    };
    if d.span.is_none()
        && let Some(label) = &d.label
    {
        group = group.element(Level::NOTE.message(label.as_str()));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group
}

/// `text` with each C1 control (U+0080 to U+009F) written out as `\u{92}`, and `span`
/// moved with it: annotate-snippets draws C0 controls as pictures but prints C1 ones as
/// they are, and a terminal may obey one (U+009B opens an escape sequence).
fn c1_written_out(
    text: &str,
    span: std::ops::Range<usize>,
) -> (Cow<'_, str>, std::ops::Range<usize>) {
    let is_c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    // Every C1 control starts with the byte 0xC2 in UTF-8: most texts have none.
    if memchr::memchr(0xC2, text.as_bytes()).is_none() || !text.chars().any(is_c1) {
        return (Cow::Borrowed(text), span);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let (mut start, mut end) = (None, None);
    for (i, c) in text.char_indices() {
        if i == span.start {
            start = Some(out.len());
        }
        if i == span.end {
            end = Some(out.len());
        }
        if is_c1(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

/// A span that lies inside the text and on char boundaries, so a stale or hostile span can
/// never make the renderer panic.
fn clamp(text: &str, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start);
    start..fix(span.end).max(start)
}
