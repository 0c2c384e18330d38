//! Wire types shared by the client and the service: serde (and OpenAPI schemas) only.
//!
//! Nothing here performs I/O or knows about terminals; both sides of the API
//! depend on these types so they cannot drift apart.

/// Declares a string enum with its wire names, `Display` and `FromStr` in one place.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:tt),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize, ::utoipa::ToSchema, ::schemars::JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every wire name, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($wire => Ok(Self::$variant),)+
                    other => Err(format!(
                        "unknown value '{other}', expected one of: {}",
                        Self::NAMES.join(", ")
                    )),
                }
            }
        }
    };
}

mod apply;
mod config;
mod events;
mod handoffs;
pub mod instant;
mod integrations;
mod operators;
mod outbound;
mod problem;
mod teams;
mod ticket_counts;
mod tickets;
mod tokens;
mod workspace;

pub use apply::*;
pub use config::*;
pub use events::*;
pub use handoffs::*;
pub use integrations::*;
pub use operators::*;
pub use outbound::*;
pub use problem::*;
pub use teams::*;
pub use ticket_counts::*;
pub use tickets::*;
pub use tokens::*;
pub use workspace::*;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

wire_enum! {
    /// The AI agent's environment, carried on every handoff; also what a CLI
    /// context points at.
    Environment {
        Development = "development",
        Staging = "staging",
        Production = "production",
    }
}

/// The largest page a list endpoint returns, whatever `limit` asks for.
pub const MAX_PAGE_LIMIT: u32 = 500;
/// The page size when a request names none.
pub const DEFAULT_PAGE_LIMIT: u32 = 100;

/// The longest handle, key or email address a query filters by, or id it
/// reads, in characters: the longest email address there is (RFC 5321), and
/// longer than any handle, key or id. A longer one matches nothing: it is bad
/// input, refused before it makes a URL no server takes.
pub const MAX_NAME_CHARS: usize = 254;
/// The longest cursor a list takes back, in characters: every cursor this
/// service gives out is under 100.
pub const MAX_CURSOR_CHARS: usize = 200;

/// The longest value an error message repeats whole, in characters.
pub const MAX_ECHO_CHARS: usize = 80;

/// A value given as an error message repeats it (`invalid value 'X'`,
/// `'X' is not a moment`): whole up to [`MAX_ECHO_CHARS`], else its start
/// and how long it is, so that a pasted page does not bury the sentence that
/// says what is wrong. Every message that quotes what it was given uses it.
pub fn echoed(text: &str) -> std::borrow::Cow<'_, str> {
    let chars = text.chars().count();
    if chars <= MAX_ECHO_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    let start: String = text.chars().take(MAX_ECHO_CHARS - 20).collect();
    std::borrow::Cow::Owned(format!("{start}… ({chars} characters)"))
}

/// Why `name` is too long to filter by, if it is.
pub fn name_problem(name: &str) -> Option<String> {
    too_long(
        name,
        MAX_NAME_CHARS,
        "the longest a handle, key or email address can be",
    )
}

/// Why `id` is too long to be the id of anything this service made (a
/// handoff's is 25 characters), if it is: bounded as names are.
pub fn id_problem(id: &str) -> Option<String> {
    too_long(
        id,
        MAX_NAME_CHARS,
        "longer than any id this service gives out",
    )
}

/// Why `cursor` is too long to be one this service gave out, if it is.
pub fn cursor_problem(cursor: &str) -> Option<String> {
    too_long(
        cursor,
        MAX_CURSOR_CHARS,
        "longer than any cursor this service gives out: pass the `next_cursor` of the \
         previous page",
    )
}

/// What a query's texts can be checked with: the field, its value, and why
/// a value is too long (if it is).
type LengthCheck<'a> = (&'a str, &'a Option<String>, fn(&str) -> Option<String>);

/// An error for each field of `checks` whose value is too long.
fn length_problems(checks: &[LengthCheck<'_>]) -> Vec<FieldError> {
    checks
        .iter()
        .filter_map(|(field, text, problem)| {
            Some(FieldError::new(*field, problem(text.as_deref()?)?))
        })
        .collect()
}

/// `at most {max} characters, {why}; this is {n}` when `text` is longer than `max`.
fn too_long(text: &str, max: usize, why: &str) -> Option<String> {
    let chars = text.chars().count();
    (chars > max).then(|| format!("at most {max} characters, {why}; this is {chars}"))
}

/// The query parameters that may repeat (`field=plan=pro&field=vip=true`).
/// serde's query strings read and write each name once, so a repeated
/// parameter's values go through serde as one JSON array of their texts
/// ([`repeated`]): a client spreads that into one pair a value
/// ([`spread_repeated`]); the service gathers the pairs into it
/// ([`gather_repeated`]) before serde reads the query.
pub const REPEATED_PARAMS: &[&str] = &["field"];

/// serde's `with` for a repeated parameter (one of [`REPEATED_PARAMS`]):
/// its values as one JSON array of their texts.
pub mod repeated {
    use std::fmt::Display;
    use std::str::FromStr;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer, T: Display>(values: &[T], s: S) -> Result<S::Ok, S::Error> {
        let texts: Vec<String> = values.iter().map(ToString::to_string).collect();
        let array = serde_json::to_string(&texts).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&array)
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr<Err = String>,
    {
        let array = String::deserialize(d)?;
        let texts: Vec<String> = serde_json::from_str(&array).map_err(serde::de::Error::custom)?;
        texts
            .iter()
            .map(|text| text.parse().map_err(serde::de::Error::custom))
            .collect()
    }
}

/// The pairs of `query`, when one of them is a [`REPEATED_PARAMS`] name;
/// none when no pair is (the query goes as it is).
fn pairs_with_repeated(query: &str) -> Option<Vec<(String, String)>> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    pairs
        .iter()
        .any(|(name, _)| REPEATED_PARAMS.contains(&name.as_str()))
        .then_some(pairs)
}

/// `query` (a query string serde wrote) with each [`REPEATED_PARAMS`]
/// pair's JSON array spread into one pair a value, as a service reads it.
pub fn spread_repeated(query: &str) -> String {
    let Some(pairs) = pairs_with_repeated(query) else {
        return query.to_string();
    };
    let mut spread = form_urlencoded::Serializer::new(String::new());
    for (name, value) in &pairs {
        match serde_json::from_str::<Vec<String>>(value) {
            Ok(values) if REPEATED_PARAMS.contains(&name.as_str()) => {
                for value in values {
                    spread.append_pair(name, &value);
                }
            }
            _ => {
                spread.append_pair(name, value);
            }
        }
    }
    spread.finish()
}

/// `query` (as a client sent it) with the pairs of each [`REPEATED_PARAMS`]
/// name gathered into one, its values as a JSON array, where the first of
/// them was: what serde reads with [`repeated`].
pub fn gather_repeated(query: &str) -> std::borrow::Cow<'_, str> {
    let Some(pairs) = pairs_with_repeated(query) else {
        return std::borrow::Cow::Borrowed(query);
    };
    let mut gathered = form_urlencoded::Serializer::new(String::new());
    let mut done: Vec<&str> = Vec::new();
    for (name, value) in &pairs {
        if !REPEATED_PARAMS.contains(&name.as_str()) {
            gathered.append_pair(name, value);
        } else if !done.contains(&name.as_str()) {
            done.push(name);
            let values: Vec<&str> = pairs
                .iter()
                .filter(|(other, _)| other == name)
                .map(|(_, value)| value.as_str())
                .collect();
            let array = serde_json::to_string(&values).expect("strings serialize");
            gathered.append_pair(name, &array);
        }
    }
    std::borrow::Cow::Owned(gathered.finish())
}

/// The media type of a page of tickets written one ticket a line (JSON
/// lines), which `GET /v1/tickets` answers a request accepting it with.
pub const JSON_LINES: &str = "application/x-ndjson";
/// The response header that carries the next page's cursor when a page is
/// answered as [`JSON_LINES`]; absent on the last page.
pub const NEXT_CURSOR_HEADER: &str = "desk-next-cursor";

/// One page of a list. `next_cursor` is opaque; pass it back as `cursor` to get
/// the next page. It is absent on the last page.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, schemars::JsonSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Query parameters shared by every list endpoint.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// How many items to return (1 to 500; default 100).
    #[param(minimum = 1, maximum = 500)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)] // MAX_CURSOR_CHARS: utoipa takes a literal only
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// `GET /v1/health`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok` when the service can reach its database.
    pub status: String,
}

/// `GET /v1/version`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct VersionInfo {
    /// The deskctl release serving the API.
    pub version: String,
    /// The API version, `v1`.
    pub api: String,
}

/// A field that a PATCH body may set, clear (JSON `null`) or leave alone (absent).
///
/// Serde cannot tell an absent field from `null` with a plain `Option`, so
/// clearable fields use `Option<Option<T>>` with this helper.
/// A PATCH field that may be left out but not cleared: `null` is refused,
/// naming the field, rather than read as left out, so a client that sends
/// `"name": null` to clear it hears that it cannot (the fields that can be
/// cleared use [`double_option`]).
pub(crate) mod not_null {
    use serde::{Deserialize, Deserializer, de::Error};

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        match Option::<T>::deserialize(deserializer)? {
            Some(value) => Ok(Some(value)),
            None => Err(D::Error::custom(
                "may not be null: leave it out to keep the value as it is",
            )),
        }
    }
}

/// An optional port number, whose type error says which ports are accepted
/// (1 to 65535) rather than what serde's `u16` takes (0 to 65535): 0 gets
/// through, for the checks to refuse with the same words.
pub(crate) mod port {
    use serde::de::{Error, Unexpected, Visitor};
    use serde::{Deserialize, Deserializer};

    /// What a port's type error says was expected.
    pub const EXPECTED: &str = "a port from 1 to 65535";

    struct PortVisitor;

    impl Visitor<'_> for PortVisitor {
        type Value = u16;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(EXPECTED)
        }

        fn visit_u64<E: Error>(self, value: u64) -> Result<u16, E> {
            u16::try_from(value).map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
        }

        fn visit_i64<E: Error>(self, value: i64) -> Result<u16, E> {
            match u64::try_from(value) {
                Ok(value) => self.visit_u64(value),
                Err(_) => Err(E::invalid_value(Unexpected::Signed(value), &self)),
            }
        }
    }

    struct Port(u16);

    impl<'de> Deserialize<'de> for Port {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_u16(PortVisitor).map(Port)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<u16>, D::Error> {
        Ok(Option::<Port>::deserialize(deserializer)?.map(|Port(port)| port))
    }
}

pub(crate) mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        T: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    pub fn serialize<T, S>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: Serialize,
        S: Serializer,
    {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}

/// `GET /v1/me`: who the caller is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Me {
    /// `local-owner` (the local desk file), `operator` or `ingest`.
    pub kind: String,
    /// The operator's handle, for operator tokens.
    #[serde(default)]
    pub operator: Option<String>,
    #[serde(default)]
    pub role: Option<Role>,
    /// The id of the token the caller signs in with; none for the local desk.
    #[serde(default)]
    pub token: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_echoed_cut_with_its_length() {
        assert_eq!(echoed("soonish"), "soonish");
        let longest = "é".repeat(MAX_ECHO_CHARS);
        assert_eq!(echoed(&longest), longest);
        let cut = echoed(&"é".repeat(3000)).into_owned();
        assert_eq!(cut, format!("{}… (3000 characters)", "é".repeat(60)));
    }

    #[test]
    fn a_repeated_parameter_travels_as_repeated_pairs_and_reads_back_whole() {
        let query = TicketQuery {
            status: Some(TicketStatus::Open),
            field: vec!["plan=pro".parse().unwrap(), "note=a&b=c,d".parse().unwrap()],
            sort: Some(TicketSort::CreatedOldest),
            ..TicketQuery::default()
        };
        let sent = spread_repeated(&serde_urlencoded::to_string(&query).unwrap());
        assert_eq!(
            sent,
            "status=open&field=plan%3Dpro&field=note%3Da%26b%3Dc%2Cd&sort=created"
        );
        let read: TicketQuery = serde_urlencoded::from_str(&gather_repeated(&sent)).unwrap();
        assert_eq!(read, query);
        // As curl writes it, unencoded, and without any: unchanged.
        let read: TicketQuery =
            serde_urlencoded::from_str(&gather_repeated("field=seats=5&field=vip=true")).unwrap();
        assert_eq!(read.field.len(), 2);
        assert_eq!(read.field[0].to_string(), "seats=5");
        assert_eq!(gather_repeated("status=open"), "status=open");
        // A condition without `=` is refused by name.
        let error = serde_urlencoded::from_str::<TicketQuery>(&gather_repeated("field=plan"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("'plan' is not KEY=VALUE"), "{error}");
    }
}
