//! The embedded demo pool, loaded on first start so a newcomer sees a realistic catalogue.

use crate::domain::Catalogue;
use crate::storage::files::{parse_catalogue_file, FileError};

/// The demo catalogue file, in the same format the coordinator exports.
pub const DEMO_CATALOGUE_FILE: &str = include_str!("catalogue.json");

/// The demo catalogue, parsed and validated.
pub fn demo_catalogue() -> Result<Catalogue, FileError> {
    parse_catalogue_file(DEMO_CATALOGUE_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_pool_is_valid_and_realistic() {
        let catalogue = demo_catalogue().expect("demo catalogue parses");
        assert!(catalogue.categories.len() >= 8);
        assert!(catalogue.models.len() >= 30);
        assert!(catalogue.units.len() >= 200);
        assert!(catalogue.trainings.len() >= 6);
        assert!(catalogue.units.iter().all(|u| u.label.starts_with("SEM-")));
        // Every category has something to show.
        for category in &catalogue.categories {
            assert!(catalogue.models_in(&category.id).next().is_some(), "{} is empty", category.id);
        }
    }
}
