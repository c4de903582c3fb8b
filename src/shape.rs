//! What crosses into JS, described once. A type declared with [`shape!`] or
//! [`variants!`] is an ordinary serde type, and also carries the list of its fields (or
//! variants) as written; the wasm facade generates its JS decoders and TypeScript types
//! from these lists (`crates/wasm/tests/generated.rs`), so a field is never written out
//! again by hand.

/// A struct's fields, as its declaration writes them.
pub struct Shape {
    pub name: &'static str,
    /// The struct's attributes (`serde(rename_all = …)`), as text.
    pub attrs: &'static [&'static str],
    pub fields: &'static [Field],
}

pub struct Field {
    pub name: &'static str,
    /// The Rust type, as text (`Option<Vec<Part>>`).
    pub ty: &'static str,
    /// The field's attributes (`serde(skip_serializing_if = …)`, docs), as text.
    pub attrs: &'static [&'static str],
}

/// A unit enum's variants, as its declaration writes them.
pub struct Variants {
    pub name: &'static str,
    pub variants: &'static [&'static str],
}

/// Declares a struct and its [`Shape`] (`Type::SHAPE`).
#[macro_export]
macro_rules! shape {
    ($(#[$m:meta])* pub struct $name:ident $(<$lt:lifetime>)? { $( $(#[$fm:meta])* pub $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$m])*
        pub struct $name $(<$lt>)? { $( $(#[$fm])* pub $field : $ty ),* }
        impl $(<$lt>)? $name $(<$lt>)? {
            pub const SHAPE: $crate::shape::Shape = $crate::shape::Shape {
                name: stringify!($name),
                attrs: &[$(stringify!($m)),*],
                fields: &[$( $crate::shape::Field { name: stringify!($field), ty: stringify!($ty), attrs: &[$(stringify!($fm)),*] } ),*],
            };
        }
    };
}

/// Declares a unit enum and its [`Variants`] (`Type::VARIANTS`).
#[macro_export]
macro_rules! variants {
    ($(#[$m:meta])* pub enum $name:ident { $( $(#[$vm:meta])* $v:ident ),* $(,)? }) => {
        $(#[$m])*
        pub enum $name { $( $(#[$vm])* $v ),* }
        impl $name {
            pub const VARIANTS: $crate::shape::Variants = $crate::shape::Variants { name: stringify!($name), variants: &[$(stringify!($v)),*] };
        }
    };
}
