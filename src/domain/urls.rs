//! Reading the credentials a URL's text may carry, for the client's
//! `--server` and the URLs the service calls alike: where a `user:password@`
//! lies, and the URL as a message may show it. Text only: a URL the parser
//! refuses (no scheme) may still hold a password.

/// Where the `user[:password]` of a URL's authority lies in `text` (without
/// its `@`), scheme or not.
///
/// ```
/// use deskctl::domain::urls::user_info;
///
/// assert_eq!(user_info("https://u:pw@example.com/x"), Some((8, 12)));
/// assert_eq!(user_info("u:pw@example.com"), Some((0, 4)));
/// assert_eq!(user_info("https://example.com/team@desk"), None);
/// assert_eq!(user_info("https://example.com/?from=a@b"), None);
/// ```
pub fn user_info(text: &str) -> Option<(usize, usize)> {
    let start = text.find("://").map_or(0, |at| at + 3);
    let authority_end = text[start..]
        .find(['/', '?', '#'])
        .map_or(text.len(), |at| start + at);
    let at = text[start..authority_end].rfind('@')?;
    Some((start, start + at))
}

/// A URL as messages and listings may show it: the password of any
/// `user:password@` (a user name alone, too), every query value and the fragment replaced by `***`
/// (a query may carry a token, as Zoho Desk's webhooks do), the rest as
/// given.
///
/// ```
/// use deskctl::domain::urls::shown_url;
///
/// assert_eq!(
///     shown_url("https://u:pw@example.com/hook?api_key=k&x#f"),
///     "https://u:***@example.com/hook?api_key=***&***#***"
/// );
/// assert_eq!(shown_url("https://example.com/hook"), "https://example.com/hook");
/// ```
pub fn shown_url(text: &str) -> String {
    let text = text.trim();
    let (before_fragment, fragment) = match text.split_once('#') {
        Some((before, _)) => (before, true),
        None => (text, false),
    };
    let (before_query, query) = match before_fragment.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (before_fragment, None),
    };
    let mut shown = without_credentials(before_query);
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) => format!("{key}=***"),
                None if pair.is_empty() => String::new(),
                None => "***".into(),
            })
            .collect();
        shown.push('?');
        shown.push_str(&pairs.join("&"));
    }
    if fragment {
        shown.push_str("#***");
    }
    shown
}

/// `text` with only the password of its `user:password@` replaced by `***`,
/// and a user name alone too (it is often a token: `https://TOKEN@host`).
/// For a URL stored before credentials in URLs were refused: shown and
/// exported without them, otherwise as given (its query may be the
/// receiver's own token, which the owner set and may read).
///
/// ```
/// use deskctl::domain::urls::without_credentials;
///
/// assert_eq!(
///     without_credentials("https://u:pw@example.com/hook?key=k"),
///     "https://u:***@example.com/hook?key=k"
/// );
/// assert_eq!(without_credentials("https://TOKEN@example.com"), "https://***@example.com");
/// assert_eq!(without_credentials("https://example.com/a@b"), "https://example.com/a@b");
/// ```
pub fn without_credentials(text: &str) -> String {
    match user_info(text) {
        Some((start, end)) => {
            let user = match text[start..end].split_once(':') {
                Some((user, _)) => format!("{user}:***"),
                None => "***".to_string(),
            };
            format!("{}{user}{}", &text[..start], &text[end..])
        }
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_query_values_and_fragments_are_masked_and_nothing_else() {
        for (url, shown) in [
            (
                "http://u:secretpw@127.0.0.1:7070/desk",
                "http://u:***@127.0.0.1:7070/desk",
            ),
            ("u:secretpw@127.0.0.1:7070", "u:***@127.0.0.1:7070"),
            ("https://token@example.com", "https://***@example.com"),
            (
                "http://127.0.0.1:1/?token=SECRET",
                "http://127.0.0.1:1/?token=***",
            ),
            ("http://127.0.0.1:1?SECRET", "http://127.0.0.1:1?***"),
            (
                "http://127.0.0.1:1/#access_token=SECRET",
                "http://127.0.0.1:1/#***",
            ),
            // An @ past the authority is no user info, but its value is masked.
            (
                "https://example.com/hook?from=me@SECRET",
                "https://example.com/hook?from=***",
            ),
            (
                "http://127.0.0.1:7070/team@desk",
                "http://127.0.0.1:7070/team@desk",
            ),
            ("  http://x/ ", "http://x/"),
        ] {
            assert_eq!(shown_url(url), shown, "{url}");
        }
    }

    #[test]
    fn user_info_is_found_with_or_without_a_scheme() {
        assert_eq!(user_info("http://:pw@x"), Some((7, 10)));
        assert_eq!(user_info("https://a@b@example.com/"), Some((8, 11)));
        assert_eq!(user_info("example.com/a@b"), None);
        assert_eq!(user_info("https://example.com#a@b"), None);
    }
}
