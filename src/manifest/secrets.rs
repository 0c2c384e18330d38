//! Resolving a document's secret references: `${env:NAME}` from the
//! environment, `${file:PATH}` from a file relative to the document. Resolved
//! values replace the references in the document that is sent to the service
//! and are never printed; a reference that cannot be resolved is an error at
//! its place.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::Path;

use super::diagnostic::{Diagnostic, Source};
use super::tree::Node;
use crate::api::{DeskDocument, SecretForm, SecretValue};
use crate::domain::plan::secrets_mut;

/// Reads an environment variable for a `${env:NAME}` reference.
pub type Lookup = dyn Fn(&str) -> Option<OsString>;

/// Replaces every `${env:…}` and `${file:…}` reference with the secret it
/// names. `lookup` reads an environment variable (an empty value is unset, as
/// everywhere in deskctl). Returns an error for each reference that cannot be
/// resolved; the document is then not fit to send.
pub fn resolve(
    document: &mut DeskDocument,
    tree: &Node,
    source: &Source,
    lookup: &Lookup,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (path, secret) in secrets_mut(document) {
        let pos = tree.locate(path.split('.'));
        let resolved = match secret.form() {
            // `validate` says what is wrong with the name: no variable to look for.
            SecretForm::Env(name) if !is_variable_name(name) => continue,
            SecretForm::Env(name) => match lookup(name).filter(|value| !value.is_empty()) {
                Some(value) => value.into_string().map_err(|_| {
                    Diagnostic::error(
                        pos,
                        format!("environment variable `{name}` is not valid UTF-8"),
                    )
                }),
                None => Err(Diagnostic::error(
                    pos,
                    format!("environment variable `{name}` is not set"),
                )
                .with_help(format!(
                    "export {name}=… before running deskctl; to check without the secrets, \
                     `validate`, `diff` and `apply --dry-run` take --skip-secrets (`apply` \
                     needs them)"
                ))),
            },
            SecretForm::File(file) => read_secret_file(&source.dir, file).map_err(|why| {
                Diagnostic::error(pos, format!("cannot read the secret file `{file}`: {why}"))
            }),
            SecretForm::Fingerprint(_) | SecretForm::Malformed | SecretForm::Literal(_) => continue,
        };
        match resolved {
            Ok(value) => *secret = SecretValue::new(value),
            Err(error) => errors.push(error),
        }
    }
    errors
}

/// Whether `name` may name an environment variable in `${env:NAME}`: letters,
/// digits and underscores, not starting with a digit.
pub fn is_variable_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The references a document names its secrets by, as the service records
/// them for exports: a `${file:PATH}` relative to the document's directory
/// made absolute against it, so that an export written into any directory
/// names a file that resolves. Symbolic links are kept, not followed: a
/// mounted secret's link keeps pointing at its current version.
pub fn anchored(references: BTreeMap<String, String>, dir: &Path) -> BTreeMap<String, String> {
    references
        .into_iter()
        .map(|(key, reference)| {
            let absolute = match SecretValue::new(reference.as_str()).form() {
                SecretForm::File(file) if Path::new(file).is_relative() => {
                    std::path::absolute(dir.join(file)).ok()
                }
                _ => None,
            };
            let reference = match absolute.and_then(|path| path.to_str().map(str::to_string)) {
                Some(path) => format!("${{file:{path}}}"),
                None => reference,
            };
            (key, reference)
        })
        .collect()
}

/// A secret file's text without its final line break; relative paths start at
/// the document's directory.
fn read_secret_file(dir: &Path, file: &str) -> Result<String, String> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|error| error.to_string())?;
    let text = text
        .strip_suffix('\n')
        .map(|t| t.strip_suffix('\r').unwrap_or(t))
        .unwrap_or(&text);
    if text.is_empty() {
        return Err("the file is empty".into());
    }
    Ok(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::parse::parse;

    fn document(dir: &Path) -> (DeskDocument, Node, Source) {
        let text = "apiVersion: deskctl/v1\nkind: Desk\nemail:\n  host: smtp.example.com\n  username: desk\n  password: ${env:SMTP_PASSWORD}\ndelivery:\n  url: https://ai.example.com/hook\n  secret: ${file:hook.secret}\n";
        let source = Source::new("desk.yaml", text, dir);
        let parsed = parse(&source).unwrap();
        (parsed.document, parsed.tree, source)
    }

    #[test]
    fn references_are_replaced_by_their_values() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("hook.secret"), "0123456789abcdefXYZ\n").unwrap();
        let (mut doc, tree, source) = document(dir.path());
        let lookup = |name: &str| (name == "SMTP_PASSWORD").then(|| OsString::from("hunter2"));
        assert_eq!(resolve(&mut doc, &tree, &source, &lookup), vec![]);
        assert_eq!(doc.email.unwrap().password.unwrap().expose(), "hunter2");
        assert_eq!(
            doc.delivery.unwrap().secret.unwrap().expose(),
            "0123456789abcdefXYZ"
        );
    }

    #[test]
    fn file_references_are_recorded_absolute_and_others_as_written() {
        let references = BTreeMap::from([
            ("a".to_string(), "${file:secrets/hook}".to_string()),
            ("b".to_string(), "${file:/run/secrets/smtp}".to_string()),
            ("c".to_string(), "${env:SMTP_PASSWORD}".to_string()),
        ]);
        let anchored = anchored(references, Path::new("/srv/desk"));
        assert_eq!(anchored["a"], "${file:/srv/desk/secrets/hook}");
        assert_eq!(anchored["b"], "${file:/run/secrets/smtp}");
        assert_eq!(anchored["c"], "${env:SMTP_PASSWORD}");
        let here = std::env::current_dir().unwrap().join("hook");
        let from_stdin = anchored_one("${file:hook}", Path::new("."));
        assert_eq!(from_stdin, format!("${{file:{}}}", here.display()));
    }

    fn anchored_one(reference: &str, dir: &Path) -> String {
        anchored(BTreeMap::from([("k".into(), reference.into())]), dir)["k"].clone()
    }

    #[test]
    fn a_name_no_variable_can_have_is_not_looked_up() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["", "1X", "SMTP PASSWORD"] {
            let text = format!(
                "apiVersion: deskctl/v1\nkind: Desk\nemail:\n  password: ${{env:{name}}}\n"
            );
            let source = Source::new("desk.yaml", text, dir.path());
            let parsed = parse(&source).unwrap();
            let mut doc = parsed.document;
            let lookup = |_: &str| -> Option<OsString> { None };
            assert_eq!(resolve(&mut doc, &parsed.tree, &source, &lookup), vec![]);
        }
    }

    #[test]
    fn a_missing_variable_or_file_is_an_error_at_the_reference() {
        let dir = tempfile::tempdir().unwrap();
        let (mut doc, tree, source) = document(dir.path());
        let lookup = |name: &str| (name == "SMTP_PASSWORD").then(|| OsString::from(""));
        let errors = resolve(&mut doc, &tree, &source, &lookup);
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.pos.line, e.pos.column, e.message.as_str()))
            .collect();
        assert_eq!(
            found[0],
            (6, 13, "environment variable `SMTP_PASSWORD` is not set")
        );
        assert_eq!((found[1].0, found[1].1), (9, 11));
        assert!(
            found[1]
                .2
                .starts_with("cannot read the secret file `hook.secret`"),
            "{}",
            found[1].2
        );
    }
}
