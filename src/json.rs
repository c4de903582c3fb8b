//! A plain JSON-like value, deserialised from anything serde can read (JS values through
//! serde-wasm-bindgen, JSON text through serde_json). Validation then walks it by hand so
//! every error can name its field path.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Text borrows from JSON text where it can (no escapes): reading allocates little.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'a, str>),
    Arr(Vec<Json<'a>>),
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
    /// A JS value that JSON cannot hold (NaN, a function, a BigInt, …), described.
    Unsupported(String),
}

/// Deeper than this is never a valid input; refusing it keeps the stack bounded.
pub const MAX_DEPTH: u32 = 32;
/// No array in a valid input is longer (see `input::MAX_ACTIVITIES`).
pub const MAX_ITEMS: usize = 50_000;
/// No object in a valid input has more fields; the bound also keeps the duplicate check cheap.
pub const MAX_FIELDS: usize = 32;

impl Json<'_> {
    pub fn type_name(&self) -> &str {
        match self {
            Json::Unsupported(what) => what,
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    /// Reads any self-describing input into a value, with bounded depth and length.
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Json<'static>, D::Error> {
        Seed(0).deserialize(deserializer)
    }
}

struct Seed(u32);

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Json<'static>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom(format_args!("nested more than {MAX_DEPTH} levels deep")));
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Json<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'static>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'static>, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'static>, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'static>, E> {
        Ok(Json::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'static>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'static>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }
    fn visit_none<E>(self) -> Result<Json<'static>, E> {
        Ok(Json::Null)
    }
    fn visit_unit<E>(self) -> Result<Json<'static>, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json<'static>, D::Error> {
        Seed(self.0).deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'static>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(Seed(self.0 + 1))? {
            if items.len() == MAX_ITEMS {
                return Err(de::Error::custom(format_args!("an array longer than {MAX_ITEMS} items")));
            }
            items.push(item);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'static>, A::Error> {
        let mut fields: Vec<(Cow<'static, str>, Json<'static>)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.len() == MAX_FIELDS {
                return Err(de::Error::custom(format_args!("an object with more than {MAX_FIELDS} fields")));
            }
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format_args!("field \"{key}\" given twice")));
            }
            let value = map.next_value_seed(Seed(self.0 + 1))?;
            fields.push((Cow::Owned(key), value));
        }
        Ok(Json::Obj(fields))
    }
}

/// What JSON text cannot say about a JS value (NaN, a function, …), marked by the JS side
/// as `{"\u0000xueshi": "<what it was>"}` so that validation can name its path.
pub const MARK: &str = "\u{0}xueshi";

/// Reads JSON text into a value, with the same bounds as [`Json::read`]. Hand-written:
/// serde_json would bring float formatting and parsing tables into the wasm. An error is
/// the path where reading stopped (`activities[0]`, empty for the top) and what is wrong.
pub fn parse(text: &str) -> Result<Json<'_>, (String, String)> {
    let mut p = Parser { s: text.as_bytes(), at: 0 };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.at != p.s.len() {
        return Err((String::new(), p.err("text after the JSON value")));
    }
    Ok(v)
}

/// Puts a path segment before the path of an error from inside it.
fn within(segment: std::fmt::Arguments, (path, what): (String, String)) -> (String, String) {
    let sep = if path.is_empty() || path.starts_with('[') { "" } else { "." };
    (format!("{segment}{sep}{path}"), what)
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn err(&self, what: &str) -> String {
        format!("{what} at byte {}", self.at)
    }
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.s.get(self.at) {
            self.at += 1;
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let hit = self.s.get(self.at) == Some(&c);
        self.at += usize::from(hit);
        hit
    }
    fn word(&mut self, w: &str, v: Json<'a>) -> Result<Json<'a>, String> {
        if self.s[self.at..].starts_with(w.as_bytes()) {
            self.at += w.len();
            Ok(v)
        } else {
            Err(self.err("unexpected character"))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json<'a>, (String, String)> {
        let here = |what: String| (String::new(), what);
        if depth > MAX_DEPTH {
            return Err(here(format!("nested more than {MAX_DEPTH} levels deep")));
        }
        self.ws();
        match self.s.get(self.at) {
            None => Err(here(self.err("unexpected end"))),
            Some(b'n') => self.word("null", Json::Null).map_err(here),
            Some(b't') => self.word("true", Json::Bool(true)).map_err(here),
            Some(b'f') => self.word("false", Json::Bool(false)).map_err(here),
            Some(b'"') => self.string().map(Json::Str).map_err(here),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        if items.len() == MAX_ITEMS {
                            return Err(here(format!("an array longer than {MAX_ITEMS} items")));
                        }
                        let i = items.len();
                        items.push(self.value(depth + 1).map_err(|e| within(format_args!("[{i}]"), e))?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(here(self.err("expected , or ]")));
                        }
                    }
                }
                Ok(Json::Arr(items))
            }
            Some(b'{') => {
                self.at += 1;
                let mut fields: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        if self.s.get(self.at) != Some(&b'"') {
                            return Err(here(self.err("expected a key")));
                        }
                        let key = self.string().map_err(here)?;
                        if !self.eat(b':') {
                            return Err(here(self.err("expected :")));
                        }
                        if fields.len() == MAX_FIELDS {
                            return Err(here(format!("an object with more than {MAX_FIELDS} fields")));
                        }
                        if fields.iter().any(|(k, _)| *k == key) {
                            return Err(here(format!("field \"{key}\" given twice")));
                        }
                        let value = self.value(depth + 1).map_err(|e| within(format_args!("{key}"), e))?;
                        fields.push((key, value));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(here(self.err("expected , or }")));
                        }
                    }
                }
                // The JS side's mark for a value JSON cannot hold.
                if let [(k, Json::Str(what))] = fields.as_slice() {
                    if k == MARK {
                        return Ok(Json::Unsupported(what.to_string()));
                    }
                }
                Ok(Json::Obj(fields))
            }
            Some(b'-' | b'0'..=b'9') => self.number().map_err(here),
            Some(_) => Err(here(self.err("unexpected character"))),
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.s.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The text is a &str and runs stop only at ASCII bytes: always valid UTF-8.
            let bytes: &'a [u8] = self.s;
            let run = std::str::from_utf8(&bytes[start..self.at]).map_err(|_| self.err("invalid UTF-8"))?;
            match self.s.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    if out.is_empty() {
                        return Ok(Cow::Borrowed(run));
                    }
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    out.push_str(run);
                    self.at += 1;
                    let c = match self.s.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.s[self.at + 1..].starts_with(b"\\u") {
                                self.at += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    0xFFFD
                                }
                            } else {
                                hi
                            };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return Err(self.err("bad escape")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                _ => return Err(self.err("unterminated string")),
            }
        }
    }

    /// The four hex digits after `\u`; leaves `at` on the last of them.
    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.s.get(self.at + 1..self.at + 5).ok_or_else(|| self.err("bad \\u escape"))?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or_else(|| self.err("bad \\u escape"))?;
        }
        self.at += 4;
        Ok(n)
    }

    fn number(&mut self) -> Result<Json<'a>, String> {
        let negative = self.s[self.at] == b'-';
        self.at += usize::from(negative);
        let (mut mantissa, mut exp10) = (0u64, 0i32);
        if self.digits(&mut mantissa, &mut exp10, false) == 0 {
            return Err(self.err("bad number"));
        }
        if self.s.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits(&mut mantissa, &mut exp10, true) == 0 {
                return Err(self.err("bad number"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.at) {
            self.at += 1;
            let sign = match self.s.get(self.at) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            self.at += usize::from(sign != 0);
            let mut e: i32 = 0;
            let start = self.at;
            while let Some(&d @ b'0'..=b'9') = self.s.get(self.at) {
                e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.at += 1;
            }
            if self.at == start {
                return Err(self.err("bad number"));
            }
            exp10 = exp10.saturating_add(if sign < 0 { -e } else { e });
        }
        // Beyond ±400 every mantissa is 0 or infinite anyway; clamping keeps `-e` safe.
        let exp10 = exp10.clamp(-400, 400);
        // Exact for the numbers people type (m < 2^53, |e| ≤ 22: one rounding).
        let m = mantissa as f64;
        let x = match exp10 {
            0 => m,
            1..=22 => m * POW10[exp10 as usize],
            -22..=-1 => m / POW10[(-exp10) as usize],
            e if e > 0 => m * 10f64.powi(e),
            e => m / 10f64.powi(-e),
        };
        Ok(Json::Num(if negative { -x } else { x }))
    }
}

impl Parser<'_> {
    /// A run of digits into `mantissa` (as far as u64 holds them), counting how the
    /// decimal point moves in `exp10`; returns how many digits there were.
    fn digits(&mut self, mantissa: &mut u64, exp10: &mut i32, fraction: bool) -> usize {
        let start = self.at;
        while let Some(&d @ b'0'..=b'9') = self.s.get(self.at) {
            if *mantissa < 1_000_000_000_000_000_000 {
                *mantissa = *mantissa * 10 + u64::from(d - b'0');
                *exp10 -= i32::from(fraction);
            } else {
                *exp10 += i32::from(!fraction);
            }
            self.at += 1;
        }
        self.at - start
    }
}

const POW10: [f64; 23] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> f64 {
        match parse(text) {
            Ok(Json::Num(n)) => n,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn numbers_as_people_type_them_are_exact() {
        for (text, n) in
            [("0", 0.0), ("2.5", 2.5), ("0.1", 0.1), ("41.67", 41.67), ("-3", -3.0), ("1e3", 1000.0), ("1.5E-2", 0.015), ("8784", 8784.0)]
        {
            assert_eq!(num(text), n, "{text}");
        }
        assert_eq!(num("123456789012345678901234567890"), 1.2345678901234568e29);
        assert!(num("1e400").is_infinite());
        assert_eq!(num("0.1e-99999999999"), 0.0);
        assert!(num("9e99999999999").is_infinite());
        assert!(num("-0").is_sign_negative());
        for bad in ["01x", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn strings_with_escapes_and_surrogate_pairs() {
        let s = |text: &str| match parse(text) {
            Ok(Json::Str(s)) => s.into_owned(),
            other => panic!("{text}: {other:?}"),
        };
        assert!(matches!(parse(r#""plain 文本""#), Ok(Json::Str(Cow::Borrowed("plain 文本")))));
        assert_eq!(s(r#""论文 \"A\"\n\t\\/""#), "论文 \"A\"\n\t\\/");
        assert_eq!(s(r#""\u5b66\u65f6 \ud83d\ude00""#), "学时 😀");
        assert_eq!(s(r#""\ud83d""#), "\u{FFFD}");
        for bad in ["\"abc", "\"\\x\"", "\"\\u12\"", "\"a\nb\""] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn structures_bounds_and_marks() {
        assert_eq!(
            parse(r#" { "a" : [1, true, null, {}], "b": "x" } "#),
            Ok(Json::Obj(vec![
                ("a".into(), Json::Arr(vec![Json::Num(1.0), Json::Bool(true), Json::Null, Json::Obj(vec![])])),
                ("b".into(), Json::Str("x".into())),
            ]))
        );
        assert_eq!(parse("{\"\\u0000xueshi\": \"NaN\"}"), Ok(Json::Unsupported("NaN".into())));
        assert!(parse(r#"{"a": 1, "a": 2}"#).is_err());
        assert!(parse(&format!("{}{}", "[".repeat(40), "]".repeat(40))).is_err());
        assert!(parse(&format!("{}{}", "[".repeat(30), "]".repeat(30))).is_ok());
        assert!(parse(&format!("[{}0]", "0,".repeat(MAX_ITEMS))).is_err());
        for bad in ["", "[1,]", "{\"a\"}", "[1 2]", "{\"a\":1,}", "nul", "[] []", "{1: 2}"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
