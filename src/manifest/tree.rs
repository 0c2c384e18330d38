//! A located YAML tree and a serde `Deserializer` over it that says where each
//! error is.
//!
//! serde-saphyr reads the text (syntax, anchors, budgets) into this tree with a
//! location on every node; typed values are then read from the tree. Because
//! the tree stays, a failed read can drop the offending entry and read again,
//! which finds every error of a document instead of the first one.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};

use super::diagnostic::Pos;
use crate::domain::suggest::did_you_mean;
use crate::domain::validate::{INEXACT_NUMBER_MESSAGE, is_inexact_whole_number};

/// A node of the document, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    /// A string, or a scalar YAML read as another type whose source text is
    /// kept so that a string field can still take it (`version: 1.10`).
    Str(String),
    /// A plain scalar read as a number or boolean, with its source text.
    Typed(Box<Value>, String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The text of a scalar key or value, as a string field would read it.
    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            Value::Str(text) | Value::Typed(_, text) => Some(text),
            _ => None,
        }
    }

    /// Where the node at `path` (mapping keys and list indexes) starts; the
    /// nearest ancestor's place when the path goes further than the tree.
    pub fn locate<'p>(&self, path: impl IntoIterator<Item = &'p str>) -> Pos {
        self.walk(path).0.pos
    }

    /// Whether the file holds `path` itself, not only an ancestor of it.
    pub fn holds<'p>(&self, path: impl IntoIterator<Item = &'p str>) -> bool {
        let (node, whole) = self.walk(path);
        whole && node.pos != Self::STAND_IN
    }

    /// The node at `path`, or the nearest existing ancestor; and whether it
    /// is the one at `path`.
    fn walk<'p>(&self, path: impl IntoIterator<Item = &'p str>) -> (&Node, bool) {
        let (node, _, whole) = self.reach(path);
        (node, whole)
    }

    /// The node at `path`, or the nearest existing ancestor; how many steps
    /// of the path it is down; and whether it is the one at `path`.
    pub fn reach<'p>(&self, path: impl IntoIterator<Item = &'p str>) -> (&Node, usize, bool) {
        let mut node = self;
        let mut depth = 0;
        for step in path {
            let next = match &node.value {
                Value::Map(_) => node.get(step),
                Value::Seq(items) => step.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            match next {
                Some(next) => node = next,
                None => return (node, depth, false),
            }
            depth += 1;
        }
        (node, depth, true)
    }

    /// Whether `node`, where it starts and all it holds, is in this tree.
    pub fn contains(&self, node: &Node) -> bool {
        if self.pos == node.pos && self == node {
            return true;
        }
        match &self.value {
            Value::Seq(items) => items.iter().any(|item| item.contains(node)),
            Value::Map(entries) => entries
                .iter()
                .any(|(key, value)| key.contains(node) || value.contains(node)),
            _ => false,
        }
    }

    /// The key written for the mapping entry at `path` (mapping keys and list
    /// indexes), when the path ends at a mapping's entry.
    pub fn key_of<'p>(&self, path: impl IntoIterator<Item = &'p str>) -> Option<&Node> {
        let path: Vec<&str> = path.into_iter().collect();
        let (last, parents) = path.split_last()?;
        let (parent, _, whole) = self.reach(parents.iter().copied());
        match &parent.value {
            Value::Map(entries) if whole => entries
                .iter()
                .find(|(key, _)| key.as_text() == Some(last))
                .map(|(key, _)| key),
            _ => None,
        }
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_text() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Where stand-ins are: no real node starts on line 0.
    pub const STAND_IN: Pos = Pos { line: 0, column: 0 };

    /// Adds `key` to the mapping at `path` with a stand-in value (an empty
    /// string first), so that a read can go on past the missing key.
    pub fn add_stand_in(&mut self, path: &[usize], key: &str) -> bool {
        let Some(node) = self.node_at_mut(path) else {
            return false;
        };
        let Value::Map(entries) = &mut node.value else {
            return false;
        };
        let stand_in = |value| Node {
            pos: Self::STAND_IN,
            value,
        };
        entries.push((
            stand_in(Value::Str(key.into())),
            stand_in(Value::Str(String::new())),
        ));
        true
    }

    /// The path to the stand-in an error at `path` is about, if it is about one.
    pub fn stand_in_on(&self, path: &[usize]) -> Option<Vec<usize>> {
        let mut node = self;
        for (depth, index) in path.iter().enumerate() {
            node = match &node.value {
                Value::Seq(items) => items.get(*index)?,
                Value::Map(entries) => &entries.get(*index)?.1,
                _ => return None,
            };
            if node.pos == Self::STAND_IN {
                return Some(path[..=depth].to_vec());
            }
        }
        None
    }

    /// Replaces the stand-in at `path` with the next kind of value to try: a
    /// string, a list, a mapping, a number, a boolean, or the first of the
    /// `variants` an enum named. False when every kind was tried.
    pub fn next_stand_in(&mut self, path: &[usize], variants: Option<&[&str]>) -> bool {
        let Some(node) = self.node_at_mut(path) else {
            return false;
        };
        let next = match (&node.value, variants) {
            (Value::Str(text), Some([first, ..])) if text != first => Value::Str(first.to_string()),
            (Value::Str(text), _) if text.is_empty() => Value::Seq(Vec::new()),
            (Value::Seq(_), _) => Value::Map(Vec::new()),
            (Value::Map(_), _) => Value::Typed(Box::new(Value::Int(0)), "0".into()),
            (Value::Typed(value, _), _) if **value == Value::Int(0) => {
                Value::Typed(Box::new(Value::Bool(false)), "false".into())
            }
            _ => return false,
        };
        node.value = next;
        true
    }

    fn node_at_mut(&mut self, path: &[usize]) -> Option<&mut Node> {
        let mut node = self;
        for index in path {
            node = node.child_mut(*index)?;
        }
        Some(node)
    }

    /// The key of the mapping entry at `path` (child indexes from this node),
    /// when the path ends at one.
    pub fn key_at(&self, path: &[usize]) -> Option<&Node> {
        let (last, parents) = path.split_last()?;
        let mut node = self;
        for index in parents {
            node = match &node.value {
                Value::Seq(items) => items.get(*index)?,
                Value::Map(entries) => &entries.get(*index)?.1,
                _ => return None,
            };
        }
        match &node.value {
            Value::Map(entries) => entries.get(*last).map(|(key, _)| key),
            _ => None,
        }
    }

    /// The child at `index`: a sequence item, or a mapping entry's value.
    fn child_mut(&mut self, index: usize) -> Option<&mut Node> {
        match &mut self.value {
            Value::Seq(items) => items.get_mut(index),
            Value::Map(entries) => entries.get_mut(index).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Makes `key` of this mapping the string `value`, in place of what the
    /// document says, if anything; false when this is not a mapping.
    pub fn set_text(&mut self, key: &str, value: &str) -> bool {
        let pos = self.pos;
        let Value::Map(entries) = &mut self.value else {
            return false;
        };
        entries.retain(|(existing, _)| existing.as_text() != Some(key));
        let text = |text: &str| Node {
            pos,
            value: Value::Str(text.into()),
        };
        entries.push((text(key), text(value)));
        true
    }

    /// Removes the sequence item or mapping entry at `path` (child indexes from
    /// this node); returns the removed mapping key's text, if it was one.
    pub fn remove(&mut self, path: &[usize]) -> Option<Removed> {
        let (last, parents) = path.split_last()?;
        let node = self.node_at_mut(parents)?;
        let map_pos = node.pos;
        match &mut node.value {
            Value::Seq(items) if *last < items.len() => {
                items.remove(*last);
                Some(Removed::Item)
            }
            Value::Map(entries) if *last < entries.len() => {
                let (key, _) = entries.remove(*last);
                Some(Removed::Entry {
                    map: map_pos,
                    key: key.as_text().unwrap_or_default().to_string(),
                })
            }
            _ => None,
        }
    }

    fn unexpected(&self) -> Unexpected<'_> {
        unexpected(&self.value)
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(flag) => Unexpected::Bool(*flag),
        Value::Int(number) => match i64::try_from(*number) {
            Ok(number) => Unexpected::Signed(number),
            Err(_) => Unexpected::Other("a large integer"),
        },
        Value::Float(number) => Unexpected::Float(*number),
        Value::Str(text) => Unexpected::Str(text),
        Value::Typed(value, _) => unexpected(value),
        Value::Seq(_) => Unexpected::Seq,
        Value::Map(_) => Unexpected::Map,
    }
}

/// What [`Node::remove`] took out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    Item,
    /// A mapping entry: where the mapping starts and the entry's key.
    Entry {
        map: Pos,
        key: String,
    },
}

/// The unknown keys of a document that are close to a known one, each as the
/// key it was likely meant to be, in the mapping it is in (where that mapping
/// starts). The unknown key's error already says "did you mean"; a check of
/// the meant key, such as its absence, would only say it again, wrongly.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Misspelt(std::collections::HashSet<(Pos, &'static str)>);

impl Misspelt {
    pub fn insert(&mut self, map: Pos, meant: &'static str) {
        self.0.insert((map, meant));
    }

    /// Whether the mapping starting at `map` has a key misspelt for `key`.
    pub fn contains(&self, map: Pos, key: &str) -> bool {
        self.0.iter().any(|(at, meant)| *at == map && *meant == key)
    }
}

/// An error reading a typed value from the tree: where, and the path of child
/// indexes from the root of the read to the node it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeError {
    pub message: String,
    pub help: Option<String>,
    pub pos: Option<Pos>,
    pub path: Vec<usize>,
    /// The values an enum takes, when the error is an unknown one.
    pub variants: Option<&'static [&'static str]>,
    /// A key written with no value (`key:`, `key: ~`, `key: null`) where the
    /// value is optional: absence already says "leave it" or "the default",
    /// and the schema has no null, so it is an error rather than a third way
    /// of saying nothing.
    pub no_value: bool,
    /// For an unknown key close to a known one, the key it was likely meant
    /// to be: checks of that key then say nothing (see [`Misspelt`]).
    pub meant: Option<&'static str>,
}

impl TreeError {
    fn locate(mut self, pos: Pos) -> Self {
        if self.pos.is_none() {
            self.pos = Some(pos);
        }
        self
    }

    fn within(mut self, index: usize) -> Self {
        self.path.insert(0, index);
        self
    }
}

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TreeError {}

impl de::Error for TreeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self {
            message: message.to_string(),
            help: None,
            pos: None,
            path: Vec::new(),
            variants: None,
            no_value: false,
            meant: None,
        }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let mut error = Self::custom(format!("unknown key `{field}`"));
        error.meant = did_you_mean(field, expected.iter().copied());
        error.help = Some(match error.meant {
            Some(close) => format!("did you mean `{close}`?"),
            None if expected.is_empty() => "no keys are allowed here".to_string(),
            None => format!("expected one of {}", quoted(expected)),
        });
        error
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let mut error = Self::custom(format!("unknown value `{variant}`"));
        let list = format!("expected one of {}", quoted(expected));
        error.help = Some(match did_you_mean(variant, expected.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? ({list})"),
            None => list,
        });
        error.variants = Some(expected);
        error
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads `T` from a node.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &Node) -> Result<T, TreeError> {
    T::deserialize(NodeDeserializer { node })
}

struct NodeDeserializer<'a> {
    node: &'a Node,
}

impl<'a> NodeDeserializer<'a> {
    fn invalid<T>(&self, expected: &dyn de::Expected) -> Result<T, TreeError> {
        if let Some(text) = self.non_finite() {
            return Err(de::Error::custom(format!(
                "invalid type: `{text}` (a number that is not finite), expected {expected}"
            )));
        }
        Err(de::Error::invalid_type(self.node.unexpected(), expected))
    }

    /// The text of a plain scalar YAML reads as a number that is not finite
    /// (`.inf`, `-.Inf`, `.nan`, `1e999`): a text field takes it as text,
    /// but no value sent as JSON can be such a number.
    fn non_finite(&self) -> Option<&str> {
        match &self.node.value {
            Value::Typed(value, text) if matches!(**value, Value::Float(n) if !n.is_finite()) => {
                Some(text)
            }
            _ => None,
        }
    }

    fn any<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.typed() {
            Value::Null => visitor.visit_unit(),
            Value::Bool(flag) => visitor.visit_bool(*flag),
            Value::Int(number) => visitor.visit_i128(*number),
            Value::Float(number) => visitor.visit_f64(*number),
            Value::Str(text) => visitor.visit_str(text),
            Value::Typed(..) => unreachable!("typed scalars hold a plain value"),
            Value::Seq(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            Value::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter().enumerate(),
                value: None,
            }),
        }
    }

    /// The scalar's value behind a plain scalar's text.
    fn typed(&self) -> &Value {
        match &self.node.value {
            Value::Typed(value, _) => value,
            value => value,
        }
    }
}

macro_rules! integer {
    ($method:ident, $visit:ident, $ty:ty) => {
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
            let pos = self.node.pos;
            let result = match self.typed() {
                Value::Int(number) => match <$ty>::try_from(*number) {
                    Ok(number) => visitor.$visit(number),
                    Err(_) => Err(de::Error::invalid_value(
                        Unexpected::Other(&format!("integer `{number}`")),
                        &visitor,
                    )),
                },
                _ => self.invalid(&visitor),
            };
            result.map_err(|error| error.locate(pos))
        }
    };
}

impl<'de> Deserializer<'de> for NodeDeserializer<'_> {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        // Read as anything (a context value), such a number becomes a float
        // and loses digits: refused as the service refuses it.
        if let Value::Typed(value, text) = &self.node.value
            && matches!(**value, Value::Int(_) | Value::Float(_))
            && is_inexact_whole_number(text)
        {
            return Err(<TreeError as de::Error>::custom(INEXACT_NUMBER_MESSAGE).locate(pos));
        }
        // Read as anything, it would be sent as JSON's `null`.
        if let Some(text) = self.non_finite() {
            let message = format!(
                "`{text}` is a number that is not finite, which JSON cannot carry: write \
                 `'{text}'` in quotes for the text, or a finite number"
            );
            return Err(<TreeError as de::Error>::custom(message).locate(pos));
        }
        self.any(visitor).map_err(|error| error.locate(pos))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match self.typed() {
            Value::Bool(flag) => visitor.visit_bool(*flag),
            _ => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    integer!(deserialize_i8, visit_i8, i8);
    integer!(deserialize_i16, visit_i16, i16);
    integer!(deserialize_i32, visit_i32, i32);
    integer!(deserialize_i64, visit_i64, i64);
    integer!(deserialize_u8, visit_u8, u8);
    integer!(deserialize_u16, visit_u16, u16);
    integer!(deserialize_u32, visit_u32, u32);
    integer!(deserialize_u64, visit_u64, u64);

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match self.typed() {
            Value::Float(number) if number.is_finite() => visitor.visit_f64(*number),
            Value::Int(number) => visitor.visit_f64(*number as f64),
            _ => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match self.node.as_text() {
            Some(text) => visitor.visit_str(text),
            None => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.node.value {
            Value::Null => {
                let mut error = <TreeError as de::Error>::custom("no value is given");
                error.no_value = true;
                Err(error.locate(self.node.pos))
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match self.node.value {
            Value::Null => visitor.visit_unit(),
            _ => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Seq(items) => visitor.visit_seq(Items {
                items: items.iter().enumerate(),
            }),
            _ => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match &self.node.value {
            Value::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter().enumerate(),
                value: None,
            }),
            _ => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        // Only a mapping: serde's derived visitors would also take a list by position.
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        let pos = self.node.pos;
        match self.node.as_text() {
            Some(text) => visitor.visit_enum(text.into_deserializer()),
            None => self.invalid(&visitor),
        }
        .map_err(|error| error.locate(pos))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit_struct tuple tuple_struct
    }
}

struct Items<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Node>>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = TreeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, TreeError> {
        let Some((index, node)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(NodeDeserializer { node })
            .map(Some)
            .map_err(|error| error.locate(node.pos).within(index))
    }
}

struct Entries<'a> {
    entries: std::iter::Enumerate<std::slice::Iter<'a, (Node, Node)>>,
    value: Option<(usize, &'a Node)>,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = TreeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, TreeError> {
        let Some((index, (key, value))) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((index, value));
        seed.deserialize(NodeDeserializer { node: key })
            .map(Some)
            .map_err(|error| error.locate(key.pos).within(index))
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, TreeError> {
        let (index, node) = self
            .value
            .take()
            .expect("serde asks for a value after its key");
        seed.deserialize(NodeDeserializer { node })
            .map_err(|error| error.locate(node.pos).within(index))
    }
}
