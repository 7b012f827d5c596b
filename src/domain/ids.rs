//! Identifiers a browser mints (bookings, incidents, training sessions) that no other browser
//! can mint, offline or not, with no shared clock and no server.
//!
//! Each browser draws once a random *device tag* of [`TAG_LEN`] letters and digits (60 bits,
//! drawn by the caller: the domain has no randomness) and numbers what it creates after it:
//! `k3f9q2xzm7ab-12`. Two browsers share a tag with a probability below 10⁻⁸ for a hundred
//! thousand browsers; within one browser the counter never goes back, because it is kept
//! beside the document, outside backups (a backup restored on a second browser keeps minting
//! under that browser's own tag) and raised past every id of its tag the pool holds.
//!
//! Ids of the first releases (`<teacher e-mail>-<n>`) keep working: nothing parses an id
//! except [`minted_parts`], which only recognises this form.

use serde::{Deserialize, Serialize};

/// Length of a device tag.
pub const TAG_LEN: usize = 12;

/// The alphabet of device tags (RFC 4648 base32, lower case): 5 bits a character.
pub const TAG_ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// This browser's minting state: its tag and the next number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdMinter {
    /// The device tag ([`TAG_LEN`] characters of [`TAG_ALPHABET`]).
    pub tag: String,
    /// The number the next id gets.
    pub next: u64,
}

impl IdMinter {
    /// A minter for a fresh tag made of `random` (60 random bits are used).
    pub fn from_random(random: u64) -> Self {
        let tag = (0..TAG_LEN).map(|i| char::from(TAG_ALPHABET[((random >> (5 * i)) & 31) as usize])).collect();
        IdMinter { tag, next: 1 }
    }

    /// A new id, never returned before by this minter.
    pub fn mint(&mut self) -> String {
        let id = format!("{}-{}", self.tag, self.next);
        self.next += 1;
        id
    }

    /// Raises the counter past every id of this minter's tag among `ids` (ids renamed while
    /// replaying, or a newer document saved by another tab).
    pub fn skip_past<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        for id in ids {
            if let Some((tag, n)) = minted_parts(id) {
                if tag == self.tag && n >= self.next {
                    self.next = n + 1;
                }
            }
        }
    }

    /// Keeps the highest counter of two copies of the same minter (two tabs).
    pub fn merge(&mut self, other: &IdMinter) {
        if other.tag == self.tag {
            self.next = self.next.max(other.next);
        }
    }
}

/// The tag and number of an id minted by some browser, or `None` for any other id.
pub fn minted_parts(id: &str) -> Option<(&str, u64)> {
    let (tag, number) = id.rsplit_once('-')?;
    let tag_ok = tag.len() == TAG_LEN && tag.bytes().all(|b| TAG_ALPHABET.contains(&b));
    let number_ok = !number.is_empty()
        && number.len() <= 15
        && number.bytes().all(|b| b.is_ascii_digit())
        && (number == "0" || !number.starts_with('0'));
    if tag_ok && number_ok {
        number.parse().ok().map(|n| (tag, n))
    } else {
        None
    }
}

/// A free id built on `taken`, which another item already has among `existing` (two tabs of
/// one browser minted the same number before either saved): for a minted id, the same tag
/// with the number after the highest of that tag; for any other id, `<taken>-2`, `-3`...
pub fn free_id_like<'a>(taken: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    if let Some((tag, _)) = minted_parts(taken) {
        let mut minter = IdMinter { tag: tag.to_owned(), next: 1 };
        minter.skip_past(existing);
        return minter.mint();
    }
    (2..)
        .map(|n| format!("{taken}-{n}"))
        .find(|id| !existing.clone().any(|e| e == id))
        .unwrap_or_else(|| taken.to_owned())
}

/// Whether an id was minted by a browser (as opposed to an id of the first releases, which may
/// hold an e-mail address, or a reference id chosen by a person).
pub fn is_minted(id: &str) -> bool {
    minted_parts(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn minted_ids_are_recognised_and_never_repeat() {
        let mut minter = IdMinter::from_random(0x0123_4567_89ab_cdef);
        assert_eq!(minter.tag.len(), TAG_LEN);
        let ids: Vec<String> = (0..50).map(|_| minter.mint()).collect();
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 50);
        assert!(ids.iter().all(|id| is_minted(id)));
        assert_eq!(minted_parts(&ids[0]), Some((minter.tag.as_str(), 1)));
        assert!(!is_minted("claire.martin@ac-lyon.fr-9"), "an id of the first releases");
        assert!(!is_minted("occ-5"));
        assert!(!is_minted(&format!("{}-07", minter.tag)), "not canonical");
    }

    #[test]
    fn two_random_draws_give_two_tags_and_the_counter_only_goes_up() {
        let a = IdMinter::from_random(1);
        let b = IdMinter::from_random(2);
        assert_ne!(a.tag, b.tag);
        let mut c = a.clone();
        c.skip_past([format!("{}-41", a.tag).as_str(), format!("{}-99", b.tag).as_str(), "x-500"]);
        assert_eq!(c.next, 42, "only its own tag counts");
        let mut d = a.clone();
        d.merge(&c);
        assert_eq!(d.mint(), format!("{}-42", a.tag));
        d.merge(&a);
        assert_eq!(d.next, 43, "never back");
    }
}
