//! Numbers packed into a JSON string: variable-length, five bits a character.
//!
//! The booking rows are the bulk of the stored state (tens of thousands), and each is mostly
//! numbers: indexes into tables, day numbers, seconds between two history entries. Written in
//! decimal with separators a number costs one character per digit plus a comma; here a number
//! below 32 takes one character, below 1,024 two, below 32,768 three, below about a million
//! four, and no separator is needed. Each character is one of 64 that need no escaping in JSON
//! (`A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_`): its low five bits carry the number, little end first,
//! and its sixth bit says that more characters follow.
//!
//! A row ends where its string ends; missing numbers at the end read as zero, so the writer
//! drops trailing zeros (a zero is the single character `A`, and no longer number ends in `A`).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The value of each alphabet character, 255 for any other byte.
const VALUES: [u8; 256] = {
    let mut table = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Zigzag: small magnitudes of either sign become small unsigned numbers.
pub(crate) fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

pub(crate) fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// Appends one packed row to a text.
pub struct Packer<'a> {
    out: &'a mut String,
    start: usize,
}

impl<'a> Packer<'a> {
    /// A row starting at the end of `out`.
    pub fn new(out: &'a mut String) -> Self {
        let start = out.len();
        Packer { out, start }
    }

    /// Appends an unsigned number.
    pub fn u(&mut self, mut n: u64) {
        loop {
            let low = (n & 31) as usize;
            n >>= 5;
            if n == 0 {
                self.out.push(char::from(ALPHABET[low]));
                return;
            }
            self.out.push(char::from(ALPHABET[low | 32]));
        }
    }

    /// Appends a signed number.
    pub fn s(&mut self, n: i64) {
        self.u(zigzag(n));
    }

    /// Ends the row, dropping its trailing zeros.
    pub fn finish(self) {
        let kept = self.start + self.out[self.start..].trim_end_matches('A').len();
        self.out.truncate(kept);
    }
}

/// Why a packed row could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnpackError {
    /// A character outside the alphabet, at this character offset.
    BadCharacter(usize),
    /// A number too long for 64 bits, or cut off at the end of the row.
    BadNumber(usize),
}

/// Reads the numbers of one packed row, in order.
pub struct Unpacker<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Unpacker<'a> {
    /// A reader over a row.
    pub fn new(row: &'a str) -> Self {
        Unpacker { bytes: row.as_bytes(), pos: 0 }
    }

    /// The next unsigned number; zero past the end of the row.
    pub fn u(&mut self) -> Result<u64, UnpackError> {
        let start = self.pos;
        let mut value: u64 = 0;
        let mut shift = 0u32;
        loop {
            let Some(&byte) = self.bytes.get(self.pos) else {
                // A row may end between numbers, never inside one.
                return if self.pos == start { Ok(0) } else { Err(UnpackError::BadNumber(start)) };
            };
            let v = VALUES[usize::from(byte)];
            if v == 255 {
                return Err(UnpackError::BadCharacter(self.pos));
            }
            self.pos += 1;
            let payload = u64::from(v & 31);
            if shift >= 64 || (shift > 0 && payload >> (64 - shift) != 0) {
                return Err(UnpackError::BadNumber(start));
            }
            value |= payload << shift;
            if v & 32 == 0 {
                return Ok(value);
            }
            shift += 5;
        }
    }

    /// The next signed number.
    pub fn s(&mut self) -> Result<i64, UnpackError> {
        self.u().map(unzigzag)
    }

    /// The next number as an index or count that must fit `usize`.
    pub fn index(&mut self) -> Result<usize, UnpackError> {
        let at = self.pos;
        usize::try_from(self.u()?).map_err(|_| UnpackError::BadNumber(at))
    }

    /// Whether every number has been read.
    pub fn is_done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The character offset reached (for error reports).
    pub fn offset(&self) -> usize {
        self.pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_with_the_announced_sizes() -> Result<(), UnpackError> {
        let samples: [u64; 9] = [0, 1, 31, 32, 1023, 1024, 32_767, 32_768, u64::MAX];
        let mut row = String::from("kept");
        let mut p = Packer::new(&mut row);
        for n in samples {
            p.u(n);
        }
        for n in [0i64, -1, 1, i64::MIN, i64::MAX, -86_400 * 30] {
            p.s(n);
        }
        p.u(0);
        p.u(0);
        p.finish();
        let mut r = Unpacker::new(row.strip_prefix("kept").unwrap_or_default());
        for n in samples {
            assert_eq!(r.u()?, n);
        }
        for n in [0i64, -1, 1, i64::MIN, i64::MAX, -86_400 * 30] {
            assert_eq!(r.s()?, n);
        }
        assert!(r.is_done(), "trailing zeros are dropped");
        assert_eq!(r.u()?, 0, "and read back as zeros");
        let size = |n: u64| {
            let mut row = String::new();
            let mut p = Packer::new(&mut row);
            p.u(n);
            p.u(1);
            p.finish();
            row.len() - 1
        };
        assert_eq!([size(31), size(1023), size(32_767), size(32_768)], [1, 2, 3, 4]);
        Ok(())
    }

    #[test]
    fn damaged_rows_are_errors_not_panics() {
        let mut r = Unpacker::new("A*");
        assert_eq!((r.u(), r.u()), (Ok(0), Err(UnpackError::BadCharacter(1))));
        // A continuation character at the very end: the number is cut off.
        assert_eq!(Unpacker::new("g").u(), Err(UnpackError::BadNumber(0)));
        // Fourteen continuation characters: more than 64 bits.
        assert!(Unpacker::new(&"_".repeat(14)).u().is_err());
        assert!(Unpacker::new("é").u().is_err());
    }
}
