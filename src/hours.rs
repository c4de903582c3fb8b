//! Hours as whole hundredths (cents), so that rounding and sums are exact.

/// Rounds half up to 0.01, after first dropping binary noise below 1e-9
/// (so 2.675, stored as 2.67499…, still becomes 2.68).
pub fn cents(x: f64) -> i64 {
    let nano = (x * 1e9).round() as i64;
    (nano + 5_000_000).div_euclid(10_000_000)
}

pub fn to_f64(c: i64) -> f64 {
    c as f64 / 100.0
}

/// Hours in cents, displayed as people write them: `125`, `62.5`, `41.67`. Formats
/// straight into the output, without a string of its own.
#[derive(Clone, Copy)]
pub struct Shown(pub i64);

impl std::fmt::Display for Shown {
    // Digits written by hand into a buffer: this runs several times for every line, and
    // going through the formatting machinery for each part cost more than the rest.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut put = |b: u8| {
            at -= 1;
            buf[at] = b;
        };
        let c = self.0.unsigned_abs();
        let (mut whole, frac) = (c / 100, (c % 100) as u8);
        if frac != 0 {
            if frac % 10 != 0 {
                put(b'0' + frac % 10);
            }
            put(b'0' + frac / 10);
            put(b'.');
        }
        loop {
            put(b'0' + (whole % 10) as u8);
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        if self.0 < 0 {
            put(b'-');
        }
        // Only ASCII digits, '.' and '-' were written.
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or_default())
    }
}

/// Hours in cents, as people write them.
pub fn show(c: i64) -> Shown {
    Shown(c)
}

/// An input number as people write it (rounded to 0.01).
pub fn show_f(x: f64) -> Shown {
    Shown(cents(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_to_hundredths() {
        assert_eq!(cents(125.0 / 3.0), 4167);
        assert_eq!(cents(225.0 / 7.0), 3214);
        assert_eq!(cents(2.675), 268);
        assert_eq!(cents(1.005), 101);
        assert_eq!(cents(0.004), 0);
        assert_eq!(cents(100.0 / 45.0), 222);
    }

    #[test]
    fn shows_hours_as_people_write_them() {
        assert_eq!(show(12500).to_string(), "125");
        assert_eq!(show(6250).to_string(), "62.5");
        assert_eq!(show(4167).to_string(), "41.67");
        assert_eq!(show(5).to_string(), "0.05");
        assert_eq!(show(0).to_string(), "0");
        assert_eq!(show(-150).to_string(), "-1.5");
        assert_eq!(show(101).to_string(), "1.01");
        assert_eq!(show(i64::MIN).to_string(), "-92233720368547758.08");
    }
}
