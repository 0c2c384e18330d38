//! Reading the credentials a URL's text may carry, and the URL as a message
//! may show it: the client's `--server`, the URLs the service calls and
//! database URLs alike, with one reading of where a password lies. Text only:
//! a URL the parser refuses (no scheme, a password's unencoded `/`) may still
//! hold a password.

/// What of a URL, besides the password of its `user:password@`, a message
/// may not show. Its fragment never shows: a URL the service calls has no
/// use for one, and in a database URL it is the rest of a password with an
/// unencoded `#`.
#[derive(Debug, Clone, Copy)]
pub struct Secrets {
    /// A user name with no password: often a token (`https://TOKEN@host`).
    pub lone_user: bool,
    /// Whether the value of the query parameter with this name is secret.
    pub query_value: fn(&str) -> bool,
}

/// Server, delivery and integration URLs: a user name alone and every query
/// value are secret (a query may carry a token, as Zoho Desk's webhooks do).
pub const SERVICE_URL: Secrets = Secrets {
    lone_user: true,
    query_value: any_query_value,
};

/// Database URLs: a user name and parameters such as `host` or `sslmode`
/// say where the database is; only `password=` is secret.
pub const DATABASE_URL: Secrets = Secrets {
    lone_user: false,
    query_value: password_parameter,
};

fn any_query_value(_: &str) -> bool {
    true
}

fn password_parameter(key: &str) -> bool {
    key.eq_ignore_ascii_case("password")
}

/// The scheme of `text`, when `text` starts with one and `://`: in
/// `user:password@host` the text before the colon is no scheme.
pub fn scheme(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once("://")?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// Where the `user[:password]` of a URL's authority lies in `text` (without
/// its `@`), scheme or not.
///
/// A password may hold an unencoded `/`, `?`, `#` or `@`, which URL parsers
/// read as the end of the authority or of the user info: so when the URL has
/// user info at all, it reaches to the last `@`. It has some when its
/// authority as a parser reads it (up to the first `/`, `?` or `#`) holds an
/// `@`, or holds a `:` that starts no port (`u:hun/ter2@host`, where `hun`
/// would be the port). `host:7070/team@desk` has none: its `:` starts a
/// port, so its `@` is in the path. (`u:1234/5678@host` reads the same way:
/// a password of digits before a `/` cannot be told from a port.)
///
/// ```
/// use deskctl::domain::urls::user_info;
///
/// assert_eq!(user_info("https://u:pw@example.com/x"), Some((8, 12)));
/// assert_eq!(user_info("u:pw@example.com"), Some((0, 4)));
/// assert_eq!(user_info("http://u:hun/ter2@example.com"), Some((7, 17)));
/// assert_eq!(user_info("https://example.com/team@desk"), None);
/// assert_eq!(user_info("http://example.com:7070/team@desk"), None);
/// assert_eq!(user_info("https://example.com/?from=a@b"), None);
/// ```
pub fn user_info(text: &str) -> Option<(usize, usize)> {
    let start = scheme(text).map_or(0, |scheme| scheme.len() + 3);
    let rest = &text[start..];
    let last_at = rest.rfind('@')?;
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    (authority.contains('@') || !is_host_and_port(authority)).then_some((start, start + last_at))
}

/// Whether `authority` reads as a host and an optional port: `host`,
/// `host:7070`, `[::1]:7070`; not `u:pw` nor `host:`.
fn is_host_and_port(authority: &str) -> bool {
    let port = match authority.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((_, port)) => port,
            None => return false,
        },
        None => authority.find(':').map_or("", |colon| &authority[colon..]),
    };
    match port.strip_prefix(':') {
        None => port.is_empty(),
        Some(digits) => {
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.parse::<u16>().is_ok()
        }
    }
}

/// A URL's text cut where messages mask it.
struct Parts<'a> {
    /// The scheme and `://`, if any.
    scheme: &'a str,
    user_info: Option<&'a str>,
    /// From the user info's `@` (or the host) up to the query.
    location: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> Parts<'a> {
    fn of(text: &'a str) -> Parts<'a> {
        let (scheme, user_info, rest) = match user_info(text) {
            Some((start, end)) => (&text[..start], Some(&text[start..end]), &text[end..]),
            None => {
                let start = scheme(text).map_or(0, |scheme| scheme.len() + 3);
                (&text[..start], None, &text[start..])
            }
        };
        let (rest, fragment) = match rest.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (rest, None),
        };
        let (location, query) = match rest.split_once('?') {
            Some((location, query)) => (location, Some(query)),
            None => (rest, None),
        };
        Parts {
            scheme,
            user_info,
            location,
            query,
            fragment,
        }
    }

    /// The user info with its password, and a user name alone when
    /// `lone_user` says so, replaced by `***`.
    fn masked_user_info(&self, lone_user: bool) -> Option<String> {
        let user_info = self.user_info?;
        Some(match user_info.split_once(':') {
            Some((user, _)) => format!("{user}:***"),
            None if lone_user => "***".to_string(),
            None => user_info.to_string(),
        })
    }
}

/// A URL as messages, listings and logs may show it: the password of any
/// `user:password@` replaced by `***`, and what else `secrets` names as
/// secret; the rest as given.
///
/// ```
/// use deskctl::domain::urls::{DATABASE_URL, SERVICE_URL, masked_url};
///
/// assert_eq!(
///     masked_url("https://TOKEN@example.com/hook?api_key=k#f", SERVICE_URL),
///     "https://***@example.com/hook?api_key=***#***"
/// );
/// assert_eq!(
///     masked_url("postgres://desk:pw@db/desk?sslmode=require&password=pw", DATABASE_URL),
///     "postgres://desk:***@db/desk?sslmode=require&password=***"
/// );
/// ```
pub fn masked_url(text: &str, secrets: Secrets) -> String {
    let parts = Parts::of(text.trim());
    let mut shown = parts.scheme.to_string();
    if let Some(user_info) = parts.masked_user_info(secrets.lone_user) {
        shown.push_str(&user_info);
    }
    shown.push_str(parts.location);
    if let Some(query) = parts.query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if (secrets.query_value)(key) => format!("{key}=***"),
                None if !pair.is_empty() && (secrets.query_value)(pair) => "***".to_string(),
                _ => pair.to_string(),
            })
            .collect();
        shown.push('?');
        shown.push_str(&pairs.join("&"));
    }
    if parts.fragment.is_some() {
        shown.push_str("#***");
    }
    shown
}

/// Whether `text` carries a secret that [`masked_url`] with `secrets` would
/// mask: a password, a user name alone when it is secret, a secret query
/// value.
pub fn carries_secret(text: &str, secrets: Secrets) -> bool {
    let parts = Parts::of(text.trim());
    let in_user_info = parts
        .user_info
        .is_some_and(|user_info| user_info.contains(':') || secrets.lone_user);
    let in_query = parts.query.is_some_and(|query| {
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .any(|pair| (secrets.query_value)(pair.split_once('=').map_or(pair, |(key, _)| key)))
    });
    in_user_info || in_query
}

/// A URL as messages and listings may show a server, delivery or
/// integration URL: [`masked_url`] with [`SERVICE_URL`].
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
    masked_url(text, SERVICE_URL)
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
            let user_info = Parts::of(text).masked_user_info(true).unwrap_or_default();
            format!("{}{user_info}{}", &text[..start], &text[end..])
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
            ("http://[::1]:7070/team@desk", "http://[::1]:7070/team@desk"),
            // A password's unencoded `/`, `?`, `#` or `@` hides none of it.
            (
                "http://u:hun/ter2@127.0.0.1:48001",
                "http://u:***@127.0.0.1:48001",
            ),
            ("u:hun/ter2@127.0.0.1:7070", "u:***@127.0.0.1:7070"),
            ("http://u:hun?ter2@x/desk", "http://u:***@x/desk"),
            ("http://u:hun#ter2@x/desk", "http://u:***@x/desk"),
            (
                "http://u:p@ss/wo?rd#x@127.0.0.1:7070/desk?k=v",
                "http://u:***@127.0.0.1:7070/desk?k=***",
            ),
            ("http://u:99999/x@host", "http://u:***@host"),
            ("http://u:pw@[::1]:7070/x", "http://u:***@[::1]:7070/x"),
            ("http://u:hun/ter2@[::1]:7070", "http://u:***@[::1]:7070"),
            ("http://to/ken@host:1/", "http://to/ken@host:1/"),
            // A `:` with no port after it starts a password: masked, even
            // where it might have been an empty port.
            ("http://host:/team@desk", "http://host:***@desk"),
        ] {
            assert_eq!(shown_url(url), shown, "{url}");
        }
    }

    #[test]
    fn database_urls_show_all_but_the_password() {
        for (url, shown) in [
            (
                "postgres://desk:s3cret@db.example.com:5432/desk",
                "postgres://desk:***@db.example.com:5432/desk",
            ),
            (
                "postgres:///desk?host=/run/pg&password=s3cret&user=desk",
                "postgres:///desk?host=/run/pg&password=***&user=desk",
            ),
            (
                "postgres://desk:#s3cret@db/desk",
                "postgres://desk:***@db/desk",
            ),
            (
                "postgres://desk@/desk?host=/run/pg",
                "postgres://desk@/desk?host=/run/pg",
            ),
            (
                "postgres://desk:s3cret@127.0.0.1:99999/desk",
                "postgres://desk:***@127.0.0.1:99999/desk",
            ),
            (
                "postgres://desk:s3@c/r?e#t@/desk?host=/run/pg&PASSWORD=s3cret&user=d",
                "postgres://desk:***@/desk?host=/run/pg&PASSWORD=***&user=d",
            ),
            (
                "postgres://desk:pa/ss@db/desk",
                "postgres://desk:***@db/desk",
            ),
            (
                "postgres://desk:pa?ss@db/desk?sslmode=require",
                "postgres://desk:***@db/desk?sslmode=require",
            ),
            ("postgres://db/desk#x", "postgres://db/desk#***"),
        ] {
            assert_eq!(masked_url(url, DATABASE_URL), shown, "{url}");
        }
    }

    #[test]
    fn secrets_are_found_where_the_masker_finds_them() {
        assert!(carries_secret(
            "postgres://desk:s3cret@db/desk",
            DATABASE_URL
        ));
        assert!(carries_secret(
            "postgres://desk:pa/ss@db/desk",
            DATABASE_URL
        ));
        assert!(carries_secret("postgres:///desk?PASSWORD=x", DATABASE_URL));
        assert!(!carries_secret("postgres://desk@db/desk", DATABASE_URL));
        assert!(!carries_secret(
            "postgres://db:5432/desk?sslmode=require",
            DATABASE_URL
        ));
        assert!(carries_secret("https://TOKEN@example.com", SERVICE_URL));
        assert!(carries_secret("https://example.com/?x", SERVICE_URL));
        assert!(!carries_secret(
            "https://example.com:7070/team@desk",
            SERVICE_URL
        ));
    }

    #[test]
    fn user_info_is_found_with_or_without_a_scheme() {
        assert_eq!(user_info("http://:pw@x"), Some((7, 10)));
        assert_eq!(user_info("https://a@b@example.com/"), Some((8, 11)));
        assert_eq!(user_info("example.com/a@b"), None);
        assert_eq!(user_info("https://example.com#a@b"), None);
        assert_eq!(user_info("http://u:hun/ter2@x"), Some((7, 17)));
        assert_eq!(user_info("http://u:p@ss/word@x/a"), Some((7, 18)));
        // A `://` further on names no scheme of this text.
        assert_eq!(user_info("u:pw@host/?next=http://x"), Some((0, 4)));
        assert_eq!(user_info("http://host:7070/team@desk"), None);
        assert_eq!(user_info("http://[::1]/team@desk"), None);
    }
}
