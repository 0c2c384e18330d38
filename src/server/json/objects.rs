//! A serde deserializer under which a struct is read only from a JSON object.
//!
//! serde's derived `Deserialize` also reads a struct from a sequence of its
//! fields in order, and serde_json offers it one for a JSON array: without
//! this, `["shop", "production", "web", …]` is accepted as a handoff, against
//! the API's schemas (every request body is an object with named keys), and
//! its errors name Rust types ("expected struct HandoffRequest with 8
//! elements"). serde has no switch for it (serde-rs/serde#1587) and no kept
//! crate offers one, so [`Objects`] wraps every layer of the deserializer —
//! values, sequences, maps, enums — to hold structs nested anywhere to it.
//!
//! A struct inside an untagged or internally tagged enum is read by serde
//! from a buffered copy, out of this wrapper's reach; request bodies have none.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// What a struct is read from, in the words of JSON (not serde's "struct X").
const AN_OBJECT: &str = "an object";

/// A deserializer, visitor, seed or access whose structs are read from
/// objects only; each layer it hands out is wrapped the same way.
pub struct Objects<T>(pub T);

/// The visitor of a struct: refuses a sequence.
struct Struct<V>(V);

macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(Objects(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Objects<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_unit_struct(name, Objects(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_newtype_struct(name, Objects(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, Objects(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple_struct(name, len, Objects(visitor))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_struct(name, fields, Struct(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_enum(name, variants, Objects(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// The `visit_*` methods that pass a plain value through unchanged.
macro_rules! forward_values {
    ($($method:ident: $type:ty,)*) => {$(
        fn $method<E: de::Error>(self, value: $type) -> Result<Self::Value, E> {
            self.0.$method(value)
        }
    )*};
}

/// The `visit_*` methods of a visitor of [`Objects`] or [`Struct`]: each
/// passes the value on, wrapping what it reads further from.
macro_rules! forward_visits {
    () => {
        forward_values! {
            visit_bool: bool, visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64,
            visit_i128: i128, visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64,
            visit_u128: u128, visit_f32: f32, visit_f64: f64, visit_char: char,
            visit_str: &str, visit_borrowed_str: &'de str, visit_string: String,
            visit_bytes: &[u8], visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>,
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            self.0.visit_none()
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.0.visit_unit()
        }

        fn visit_some<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            self.0.visit_some(Objects(deserializer))
        }

        fn visit_newtype_struct<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            self.0.visit_newtype_struct(Objects(deserializer))
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            self.0.visit_map(Objects(map))
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
            self.0.visit_enum(Objects(data))
        }
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Objects<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visits!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Objects(seq))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Struct<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(AN_OBJECT)
    }

    forward_visits!();

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::invalid_type(Unexpected::Seq, &self))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        self.0.next_element_seed(Objects(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        self.0.next_key_seed(Objects(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.next_value_seed(Objects(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Objects<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(Objects(deserializer))
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Objects<A> {
    type Error = A::Error;
    type Variant = Objects<A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Self::Error> {
        let (value, variant) = self.0.variant_seed(Objects(seed))?;
        Ok((value, Objects(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        self.0.newtype_variant_seed(Objects(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.tuple_variant(len, Objects(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.struct_variant(fields, Struct(visitor))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Person {
        name: String,
        #[serde(default)]
        pets: Vec<Pet>,
        #[serde(default)]
        home: Option<Place>,
        #[serde(default)]
        facts: BTreeMap<String, serde_json::Value>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Pet {
        kind: Kind,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Cat,
        Dog { name: String },
        Pair(String, String),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Place(String);

    fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, String> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let value = T::deserialize(Objects(&mut deserializer)).map_err(|e| e.to_string())?;
        deserializer.end().map_err(|e| e.to_string())?;
        Ok(value)
    }

    #[test]
    fn objects_read_as_serde_json_reads_them() {
        let text = r#"{"name": "Dana", "pets": [{"kind": "cat"}, {"kind": {"dog": {"name": "Rex"}}},
            {"kind": {"pair": ["a", "b"]}}], "home": "Lisbon",
            "facts": {"list": [1, [2, {"x": null}]], "n": -1.5, "t": true}}"#;
        assert_eq!(
            read::<Person>(text).unwrap(),
            serde_json::from_str::<Person>(text).unwrap()
        );
        // Arrays where the type is a list, not a struct, are still arrays.
        let value: serde_json::Value = read(r#"[[1], {"a": [{}]}]"#).unwrap();
        assert_eq!(value, serde_json::json!([[1], {"a": [{}]}]));
    }

    #[test]
    fn an_array_is_not_read_as_a_struct_at_any_depth() {
        for text in [
            r#"["Dana"]"#,
            r#"[]"#,
            r#"{"name": "Dana", "pets": [["cat"]]}"#,
            r#"{"name": "Dana", "pets": [{"kind": {"dog": ["Rex"]}}]}"#,
        ] {
            let error = read::<Person>(text).unwrap_err();
            assert!(
                error.starts_with("invalid type: sequence, expected an object"),
                "{text}: {error}"
            );
            assert!(serde_json::from_str::<Person>(text).is_ok() || text == "[]");
        }
    }

    #[test]
    fn a_struct_given_another_type_expects_an_object_not_a_rust_type() {
        let error = read::<Person>(r#""Dana""#).unwrap_err();
        assert!(
            error.starts_with(r#"invalid type: string "Dana", expected an object"#),
            "{error}"
        );
        let error = read::<Person>(r#"{"name": "Dana", "pets": [7]}"#).unwrap_err();
        assert!(
            error.starts_with("invalid type: integer `7`, expected an object"),
            "{error}"
        );
    }
}
