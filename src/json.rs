//! The one JSON reader: JSON text (from a native caller, from `JSON.stringify` in the wasm
//! facade, or a rule set document) into a plain value. Hand-written: serde_json would bring
//! float formatting and parsing tables into the wasm. Text borrows from the JSON text where
//! it can (no escapes), so reading allocates little. Errors name the path where reading
//! stopped, in English and Chinese.

use crate::error::quoted;
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

impl<'a> Json<'a> {
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
    /// The same in Chinese.
    pub fn type_name_zh(&self) -> &'static str {
        match self {
            Json::Unsupported(_) => "JSON 无法表示的值",
            Json::Null => "null",
            Json::Bool(_) => "布尔值",
            Json::Num(_) => "数字",
            Json::Str(_) => "文本",
            Json::Arr(_) => "数组",
            Json::Obj(_) => "对象",
        }
    }
    /// A field of an object; `null` counts as absent, as JSON.stringify drops `undefined`.
    pub fn get(&self, name: &str) -> Option<&Json<'a>> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v).filter(|v| **v != Json::Null),
            _ => None,
        }
    }
}

/// Why JSON text could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    End,
    Char,
    TextAfter,
    Key,
    Colon,
    CommaOr(char),
    Number,
    Escape,
    Control,
    Unterminated,
    LoneSurrogate,
    TooDeep,
    TooLong,
    TooManyFields,
    Twice(String),
}

/// Where reading stopped (`activities[0]`, empty for the top), why, and at which byte.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadError {
    pub path: String,
    pub problem: Problem,
    pub at: usize,
}

impl ReadError {
    pub fn en(&self) -> String {
        let what: &dyn fmt::Display = match &self.problem {
            Problem::End => &"unexpected end",
            Problem::Char => &"unexpected character",
            Problem::TextAfter => &"text after the JSON value",
            Problem::Key => &"expected a key",
            Problem::Colon => &"expected :",
            Problem::CommaOr(']') => &"expected , or ]",
            Problem::CommaOr(_) => &"expected , or }",
            Problem::Number => &"bad number",
            Problem::Escape => &"bad escape",
            Problem::Control => &"a control character in a string",
            Problem::Unterminated => &"unterminated string",
            Problem::LoneSurrogate => &"text that is not well-formed Unicode (a lone surrogate)",
            Problem::TooDeep => return format!("nested more than {MAX_DEPTH} levels deep"),
            Problem::TooLong => return format!("an array longer than {MAX_ITEMS} items"),
            Problem::TooManyFields => return format!("an object with more than {MAX_FIELDS} fields"),
            Problem::Twice(key) => return format!("field {} given twice", quoted(key)),
        };
        format!("{what} at byte {}", self.at)
    }
    pub fn zh(&self) -> String {
        let what = match &self.problem {
            Problem::End => "意外结束",
            Problem::Char => "有意外的字符",
            Problem::TextAfter => "JSON 值之后还有内容",
            Problem::Key => "应为键名",
            Problem::Colon => "应为冒号",
            Problem::CommaOr(']') => "应为逗号或 ]",
            Problem::CommaOr(_) => "应为逗号或 }",
            Problem::Number => "数字格式不对",
            Problem::Escape => "转义符不对",
            Problem::Control => "文本中有控制字符",
            Problem::Unterminated => "文本没有结束引号",
            Problem::LoneSurrogate => "文本不是有效的 Unicode（孤立的代理项）",
            Problem::TooDeep => return format!("嵌套超过 {MAX_DEPTH} 层"),
            Problem::TooLong => return format!("数组超过 {MAX_ITEMS} 项"),
            Problem::TooManyFields => return format!("对象超过 {MAX_FIELDS} 个字段"),
            Problem::Twice(key) => return format!("字段{}重复", crate::error::quoted_zh(key)),
        };
        format!("第 {} 字节处{what}", self.at)
    }
}

/// What JSON text cannot say about a JS value (NaN, a function, …), marked by the JS side
/// as `{"\u0000xueshi": "<what it was>"}` so that validation can name its path.
pub const MARK: &str = "\u{0}xueshi";

/// Reads JSON text into a value, within the bounds above.
pub fn parse(text: &str) -> Result<Json<'_>, ReadError> {
    let mut p = Parser { text, s: text.as_bytes(), at: 0 };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.at != p.s.len() {
        return Err(p.err(Problem::TextAfter));
    }
    Ok(v)
}

/// Puts a path segment before the path of an error from inside it.
fn within(segment: fmt::Arguments, mut e: ReadError) -> ReadError {
    let sep = if e.path.is_empty() || e.path.starts_with('[') { "" } else { "." };
    e.path = format!("{segment}{sep}{}", e.path);
    e
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn err(&self, problem: Problem) -> ReadError {
        ReadError { path: String::new(), problem, at: self.at }
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
    fn word(&mut self, w: &str, v: Json<'a>) -> Result<Json<'a>, ReadError> {
        if self.s[self.at..].starts_with(w.as_bytes()) {
            self.at += w.len();
            Ok(v)
        } else {
            Err(self.err(Problem::Char))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Json<'a>, ReadError> {
        if depth > MAX_DEPTH {
            return Err(self.err(Problem::TooDeep));
        }
        self.ws();
        match self.s.get(self.at) {
            None => Err(self.err(Problem::End)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err(Problem::Char)),
        }
    }

    fn array(&mut self, depth: u32) -> Result<Json<'a>, ReadError> {
        self.at += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Json::Arr(items));
        }
        loop {
            if items.len() == MAX_ITEMS {
                return Err(self.err(Problem::TooLong));
            }
            let i = items.len();
            items.push(self.value(depth + 1).map_err(|e| within(format_args!("[{i}]"), e))?);
            if self.eat(b']') {
                return Ok(Json::Arr(items));
            }
            if !self.eat(b',') {
                return Err(self.err(Problem::CommaOr(']')));
            }
        }
    }

    fn object(&mut self, depth: u32) -> Result<Json<'a>, ReadError> {
        self.at += 1;
        let mut fields: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
        if !self.eat(b'}') {
            loop {
                self.ws();
                if self.s.get(self.at) != Some(&b'"') {
                    return Err(self.err(Problem::Key));
                }
                let key = self.string()?;
                if !self.eat(b':') {
                    return Err(self.err(Problem::Colon));
                }
                if fields.len() == MAX_FIELDS {
                    return Err(self.err(Problem::TooManyFields));
                }
                if fields.iter().any(|(k, _)| *k == key) {
                    return Err(self.err(Problem::Twice(key.into_owned())));
                }
                let value = self.value(depth + 1).map_err(|e| within(format_args!("{key}"), e))?;
                fields.push((key, value));
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.err(Problem::CommaOr('}')));
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

    fn string(&mut self) -> Result<Cow<'a, str>, ReadError> {
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
            // Runs start and stop at ASCII bytes, so they are whole characters of the text:
            // sliced, not validated again.
            let text: &'a str = self.text;
            let run = text.get(start..self.at).ok_or_else(|| self.err(Problem::Char))?;
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
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.err(Problem::Control)),
                None => return Err(self.err(Problem::Unterminated)),
            }
        }
    }

    /// The character of an escape (`at` on its backslash); a surrogate must come in a
    /// well-formed pair (contract v1.1 rule 8: never silently replaced).
    fn escape(&mut self) -> Result<char, ReadError> {
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
                let code = if (0xD800..0xDC00).contains(&hi) {
                    if !self.s[self.at + 1..].starts_with(b"\\u") {
                        return Err(self.err(Problem::LoneSurrogate));
                    }
                    self.at += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.err(Problem::LoneSurrogate));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                char::from_u32(code).ok_or_else(|| self.err(Problem::LoneSurrogate))?
            }
            _ => return Err(self.err(Problem::Escape)),
        };
        self.at += 1;
        Ok(c)
    }

    /// The four hex digits after `\u`; leaves `at` on the last of them.
    fn hex4(&mut self) -> Result<u32, ReadError> {
        let digits = self.s.get(self.at + 1..self.at + 5).ok_or_else(|| self.err(Problem::Escape))?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + (d as char).to_digit(16).ok_or_else(|| self.err(Problem::Escape))?;
        }
        self.at += 4;
        Ok(n)
    }

    fn number(&mut self) -> Result<Json<'a>, ReadError> {
        let negative = self.s[self.at] == b'-';
        self.at += usize::from(negative);
        let (mut mantissa, mut exp10) = (0u64, 0i32);
        if self.digits(&mut mantissa, &mut exp10, false) == 0 {
            return Err(self.err(Problem::Number));
        }
        if self.s.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits(&mut mantissa, &mut exp10, true) == 0 {
                return Err(self.err(Problem::Number));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.at) {
            self.at += 1;
            exp10 = exp10.saturating_add(self.exponent()?);
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

    /// The exponent after `e`, saturating.
    fn exponent(&mut self) -> Result<i32, ReadError> {
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
            return Err(self.err(Problem::Number));
        }
        Ok(if sign < 0 { -e } else { e })
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
        for lone in [r#""\ud83d""#, r#""\ud83d\u0041""#, r#""\ude00""#, r#""a\ud800b""#] {
            assert_eq!(parse(lone).map_err(|e| e.problem), Err(Problem::LoneSurrogate), "{lone}");
        }
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
