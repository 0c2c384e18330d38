//! Small HTTP facts both the client and the service's outbound calls need:
//! below both, so neither imports the other for them.

use std::time::Duration;

use http::HeaderMap;
use http::header::RETRY_AFTER;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::domain::urls;

/// Characters left as they are in a path segment: RFC 3986's unreserved set.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One path segment, percent-encoded so user input cannot reach another route.
pub fn segment(value: &str) -> String {
    utf8_percent_encode(value, SEGMENT).to_string()
}

/// The wait a `Retry-After` header asks for: delta-seconds or an HTTP date.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let wait = at.duration_since(jiff::Timestamp::now());
    Some(Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// Whether `url` names a password (in its user info or its query).
pub fn carries_password(url: &str) -> bool {
    urls::carries_secret(url, urls::DATABASE_URL)
}

/// `url` with its password (and any `password=` query parameter) replaced by
/// `***`, for messages and logs: database URLs carry credentials. Text that
/// names no scheme is not shown: a libpq `key=value` string, say, where
/// nothing marks what is a password.
pub fn redacted_url(url: &str) -> String {
    match urls::scheme(url.trim()) {
        Some(_) => urls::masked_url(url, urls::DATABASE_URL),
        None => "(an unreadable URL)".into(),
    }
}

/// Why an attempt failed, and whether trying again can help.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// For people; never holds a secret.
    pub error: String,
    /// Trying again cannot help (a 4xx answer, an SMTP 5xx reply, a bad address).
    pub permanent: bool,
    /// The receiver asked to wait this long (`Retry-After`).
    pub retry_after: Option<Duration>,
}

impl Failure {
    /// A failure trying again may mend.
    pub fn transient(error: impl Into<String>) -> Failure {
        Failure {
            error: error.into(),
            permanent: false,
            retry_after: None,
        }
    }

    /// A failure trying again cannot mend.
    pub fn permanent(error: impl Into<String>) -> Failure {
        Failure {
            error: error.into(),
            permanent: true,
            retry_after: None,
        }
    }
}

/// The message of an error and its causes, on one line.
pub fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    without_repeats(&text)
}

/// `Connection error: Connection error: x` as `Connection error: x`: lettre
/// writes its source into its own message, and that source can be another
/// error of the same kind, which [`describe`]'s check cannot see.
fn without_repeats(text: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in text.split(": ") {
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts.join(": ")
}

/// The resolver of the service's outbound calls (delivery webhook,
/// integrations): a name that resolves only to addresses the service never
/// calls (link-local, where metadata services answer; unspecified; …) is
/// refused at the moment of the call, so a hostname cannot reach what the
/// URL's text check refuses (DNS changed after the check included).
#[derive(Debug, Clone, Copy, Default)]
pub struct GuardedResolver;

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found: Vec<std::net::SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed = allowed_addresses(&host, found)?;
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The addresses of `found` the service may call; an error naming `host`
/// when it resolved only to forbidden ones.
fn allowed_addresses(
    host: &str,
    found: Vec<std::net::SocketAddr>,
) -> Result<Vec<std::net::SocketAddr>, Box<dyn std::error::Error + Send + Sync>> {
    let (allowed, refused): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|addr| crate::domain::validate::forbidden_address(addr.ip()).is_none());
    match (allowed.is_empty(), refused.first()) {
        (true, Some(refused)) => {
            let why = crate::domain::validate::forbidden_address(refused.ip()).unwrap_or_default();
            Err(format!(
                "{host} resolves to {}, {why}: the service never calls it",
                refused.ip()
            )
            .into())
        }
        _ => Ok(allowed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[derive(Debug)]
    struct Nested(&'static str, Option<Box<Nested>>);
    impl std::fmt::Display for Nested {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // As lettre's errors: the kind, then the source written in.
            f.write_str(self.0)?;
            match &self.1 {
                Some(source) => write!(f, ": {source}"),
                None => Ok(()),
            }
        }
    }
    impl std::error::Error for Nested {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    #[test]
    fn an_error_whose_source_says_the_same_is_described_once() {
        let corrupt = Nested("received corrupt message of type InvalidContentType", None);
        let inner = Nested("Connection error", Some(Box::new(corrupt)));
        let outer = Nested("Connection error", Some(Box::new(inner)));
        assert_eq!(
            describe(&outer),
            "Connection error: received corrupt message of type InvalidContentType"
        );
        let plain = Nested("refused", Some(Box::new(Nested("port closed", None))));
        assert_eq!(describe(&plain), "refused: port closed");
    }

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn retry_after_reads_seconds() {
        assert_eq!(retry_after(&headers("7")), Some(Duration::from_secs(7)));
    }

    #[test]
    fn retry_after_reads_an_http_date() {
        let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(120);
        let date = jiff::fmt::rfc2822::to_string(&soon.to_zoned(jiff::tz::TimeZone::UTC)).unwrap();
        let wait = retry_after(&headers(&date)).unwrap();
        assert!(
            wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
    }

    #[test]
    fn retry_after_in_the_past_means_now_and_garbage_means_nothing() {
        assert_eq!(
            retry_after(&headers("Sun, 06 Nov 1994 08:49:37 GMT")),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers("soon")), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn segments_cannot_escape_their_place_in_the_path() {
        assert_eq!(segment("alice"), "alice");
        assert_eq!(segment("../tokens"), "..%2Ftokens");
        assert_eq!(segment("a b?c#d"), "a%20b%3Fc%23d");
    }

    #[test]
    fn passwords_never_show_in_a_redacted_url() {
        assert_eq!(
            redacted_url("postgres://desk:s3cret@db.example.com:5432/desk"),
            "postgres://desk:***@db.example.com:5432/desk"
        );
        assert_eq!(
            redacted_url("postgres:///desk?host=/run/pg&password=s3cret&user=desk"),
            "postgres:///desk?host=/run/pg&password=***&user=desk"
        );
        assert!(!redacted_url("not a url s3cret").contains("s3cret"));
        assert!(!redacted_url("postgres://desk:#s3cret@db/desk").contains("s3cret"));
        // Not a URL, but shown, its password masked.
        assert_eq!(
            redacted_url("postgres://desk@/desk?host=/run/pg"),
            "postgres://desk@/desk?host=/run/pg"
        );
        assert_eq!(
            redacted_url("postgres://desk:s3cret@127.0.0.1:99999/desk"),
            "postgres://desk:***@127.0.0.1:99999/desk"
        );
        assert_eq!(
            redacted_url("postgres://desk:s3@c/r?e#t@/desk?host=/run/pg&PASSWORD=s3cret&user=d"),
            "postgres://desk:***@/desk?host=/run/pg&PASSWORD=***&user=d"
        );
        assert_eq!(
            redacted_url("postgres://desk:pa/ss@db/desk"),
            "postgres://desk:***@db/desk"
        );
        assert_eq!(
            redacted_url("host=db password=s3cret"),
            "(an unreadable URL)"
        );
        assert!(carries_password("postgres://desk:s3cret@db/desk"));
        assert!(carries_password("postgres://desk:pa/ss@db/desk"));
        assert!(carries_password("postgres:///desk?password=s3cret"));
        assert!(!carries_password("postgres://desk@db/desk"));
    }

    #[test]
    fn a_name_resolving_only_to_link_local_addresses_is_refused() {
        let addr = |text: &str| text.parse::<std::net::SocketAddr>().unwrap();
        let error = allowed_addresses("evil.example", vec![addr("169.254.169.254:0")])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("evil.example resolves to 169.254.169.254"),
            "{error}"
        );
        assert!(allowed_addresses("v6.example", vec![addr("[fe80::1]:0")]).is_err());
        // Forbidden ones are dropped, the rest kept; loopback and private are fine.
        let mixed = vec![
            addr("169.254.1.1:0"),
            addr("10.0.0.7:0"),
            addr("127.0.0.1:0"),
        ];
        assert_eq!(
            allowed_addresses("mixed.example", mixed).unwrap(),
            vec![addr("10.0.0.7:0"), addr("127.0.0.1:0")]
        );
    }

    #[tokio::test]
    async fn the_guarded_resolver_resolves_ordinary_names() {
        use reqwest::dns::Resolve;
        let addrs: Vec<_> = GuardedResolver
            .resolve("localhost".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()) && !addrs.is_empty());
    }
}
