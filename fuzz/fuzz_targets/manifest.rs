//! Any text given to `deskctl validate`: parsing and validating it must never
//! panic, and must either give a document or report at least one error, each at
//! a place inside the text.

#![no_main]

use deskctl::manifest::{Source, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source::new("fuzz.yaml", text, ".");
    // Secrets are not resolved: the fuzzer must not read the machine's files.
    let checked = check(&source, None);
    for diagnostic in &checked.diagnostics {
        // Every problem is somewhere in the text (or just past its end).
        let line = diagnostic.pos.line;
        assert!(line >= 1, "{diagnostic:?}");
        assert!(
            source.line(line).is_some() || source.line(line - 1).is_some(),
            "{diagnostic:?} is outside the text"
        );
    }
    if checked.document.is_none() {
        assert!(
            checked.errors() > 0,
            "no document and no error: {:?}",
            checked.diagnostics
        );
    }
});
