//! QR codes for the unit labels, as the outline of an SVG path (one `<path d=...>` the page
//! renders; no markup is built from data). The address a label holds is built with the app's
//! other addresses, by `crate::ui::routes::unit_url`.
//!
//! The encoding itself is the `qrcodegen` crate's (error correction level M: a label survives a
//! scratch). This module adds the quiet zone and turns the dark modules into a compact path,
//! one rectangle per horizontal run.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;

/// Light modules around the code, as the QR standard asks, so a phone finds its edges.
pub const QUIET_ZONE: i32 = 4;

/// A QR code drawn as an SVG path in a square `viewBox="0 0 size size"`, one unit a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, quiet zone included.
    pub size: u32,
    /// The dark modules: `M x y h n v 1 h -n z` for each horizontal run.
    pub path: String,
    /// The QR version (1 to 40): the code has `17 + 4 × version` modules a side.
    pub version: u8,
}

/// The QR code of `text` (its UTF-8 bytes), or `None` if it is too long for any QR version.
pub fn qr_svg(text: &str) -> Option<QrSvg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            // Writing to a String cannot fail.
            let _ = write!(path, "M{} {}h{}v1h-{}z", start + QUIET_ZONE, y + QUIET_ZONE, x - start, x - start);
        }
    }
    Some(QrSvg { size: (size + 2 * QUIET_ZONE) as u32, path, version: code.version().value() })
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), &'static str>;

    /// The module grid drawn by a path, read back: `grid[y][x]` is dark.
    fn grid_of(svg: &QrSvg) -> Result<Vec<Vec<bool>>, &'static str> {
        let n = svg.size as usize;
        let mut grid = vec![vec![false; n]; n];
        for run in svg.path.split('z').filter(|r| !r.is_empty()) {
            let rest = run.strip_prefix('M').ok_or("a run starts with M")?;
            let (xy, tail) = rest.split_once('h').ok_or("then h")?;
            let (x, y) = xy.split_once(' ').ok_or("x y")?;
            let (width, back) = tail.split_once("v1h-").ok_or("v1h-")?;
            assert_eq!(width, back, "a run closes on itself");
            let number = |text: &str| text.parse::<usize>().map_err(|_| "a number");
            let (x, y, width) = (number(x)?, number(y)?, number(width)?);
            assert!(width > 0);
            for cell in &mut grid[y][x..x + width] {
                assert!(!*cell, "runs do not overlap");
                *cell = true;
            }
        }
        Ok(grid)
    }

    const URL: &str = "https://ecoles.example.fr/pret/exemplaire/SEM-TAB-0001";

    #[test]
    fn the_path_draws_exactly_the_codes_dark_modules() -> TestResult {
        let svg = qr_svg(URL).ok_or("no code")?;
        let code = QrCode::encode_text(URL, QrCodeEcc::Medium).map_err(|_| "too long")?;
        let grid = grid_of(&svg)?;
        let q = QUIET_ZONE as usize;
        for (y, row) in grid.iter().enumerate() {
            for (x, dark) in row.iter().enumerate() {
                let inside = (q..q + code.size() as usize).contains(&x) && (q..q + code.size() as usize).contains(&y);
                let expected = inside && code.get_module(x as i32 - QUIET_ZONE, y as i32 - QUIET_ZONE);
                assert_eq!(*dark, expected, "module ({x}, {y})");
            }
        }
        Ok(())
    }

    #[test]
    fn the_size_follows_the_version_and_includes_the_quiet_zone() -> TestResult {
        let svg = qr_svg(URL).ok_or("no code")?;
        assert_eq!(svg.size, 17 + 4 * u32::from(svg.version) + 2 * QUIET_ZONE as u32);
        let grid = grid_of(&svg)?;
        let n = grid.len();
        let q = QUIET_ZONE as usize;
        for (y, row) in grid.iter().enumerate() {
            for (x, dark) in row.iter().enumerate() {
                if x < q || y < q || x >= n - q || y >= n - q {
                    assert!(!dark, "quiet zone dark at ({x}, {y})");
                }
            }
        }
        Ok(())
    }

    #[test]
    fn the_three_finder_patterns_are_in_place() -> TestResult {
        let svg = qr_svg(URL).ok_or("no code")?;
        let grid = grid_of(&svg)?;
        let q = QUIET_ZONE as usize;
        let side = grid.len() - 2 * q;
        // A finder: a dark 7×7 ring, a light ring, a dark 3×3 centre.
        let finder = |left: usize, top: usize| {
            for dy in 0..7 {
                for dx in 0..7 {
                    let ring = dx.min(dy).min(6 - dx).min(6 - dy);
                    assert_eq!(grid[top + dy][left + dx], ring != 1, "finder at ({left}, {top}), ({dx}, {dy})");
                }
            }
        };
        finder(q, q);
        finder(q + side - 7, q);
        finder(q, q + side - 7);
        Ok(())
    }

    #[test]
    fn a_unit_url_fits_a_small_code_that_prints_legibly_on_a_label() -> TestResult {
        // A long deployment address (91 characters) still makes a version 6 code or smaller
        // (41 modules and the quiet zone a side: about 0.6 mm a module on a 3 cm code).
        // (The address as crate::ui::routes::unit_url builds it.)
        let long = "https://ecoles-numeriques.departement.example.fr/materiotheque/pret/exemplaire/SEM-TAB-0001";
        assert!(qr_svg(long).ok_or("no code")?.version <= 6, "{long}");
        assert!(qr_svg(URL).ok_or("no code")?.version <= 4);
        Ok(())
    }

    #[test]
    fn too_much_text_gives_no_code() -> TestResult {
        assert_eq!(qr_svg(&"x".repeat(4000)), None);
        Ok(())
    }
}
