//! The embedded demo pool, loaded on first start so a newcomer sees a realistic catalogue.

use crate::domain::PublicCatalogue;
use crate::storage::exchange::files::{parse_catalogue_file, FileError};

/// The demo catalogue file, in the same format the coordinator exports.
pub const DEMO_CATALOGUE_FILE: &str = include_str!("catalogue.json");

/// The demo pool's shared data (catalogue, schools, sessions, agreement), parsed and validated.
pub fn demo_data() -> Result<PublicCatalogue, FileError> {
    parse_catalogue_file(DEMO_CATALOGUE_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_pool_is_valid_and_realistic() -> Result<(), FileError> {
        let data = demo_data()?;
        let catalogue = &data.catalogue;
        assert!(catalogue.categories.len() >= 8);
        assert!(catalogue.models.len() >= 30);
        assert!(catalogue.units.len() >= 200);
        assert!(catalogue.trainings.len() >= 6);
        assert!(catalogue.units.iter().all(|u| u.label.starts_with("SEM-")));
        // Every category has something to show.
        for category in &catalogue.categories {
            assert!(catalogue.models_in(&category.id).next().is_some(), "{} is empty", category.id);
        }
        assert!(data.schools.len() >= 20);
        assert!(data.communes.len() >= 6);
        // Every training has upcoming sessions, each on a school day of zone A.
        let state = data.clone().into_pool_state();
        let calendar = crate::domain::SchoolCalendar::new(state.settings.zone, false, &state.holidays);
        for training in &catalogue.trainings {
            let sessions: Vec<_> = data.sessions.iter().filter(|s| s.training == training.id).collect();
            assert!(!sessions.is_empty(), "{} has no session", training.id);
            for s in sessions {
                assert!(calendar.is_school_day(s.start), "{} is not on a school day", s.id);
            }
        }
        assert!(data.agreement.is_some_and(|a| a.clauses.len() >= 5));
        Ok(())
    }

    #[test]
    fn the_demo_file_says_when_it_was_exported() {
        let at = crate::test_dates::at(2026, 9, 1, 8, 0);
        assert_eq!(crate::storage::exchange::files::exported_at_of(DEMO_CATALOGUE_FILE), Some(at));
    }

    #[test]
    fn the_demo_pool_is_labelled_and_never_overbooked() -> Result<(), FileError> {
        let state = demo_data()?.into_pool_state();
        assert!(state.demo, "shown as a demonstration");
        assert!(state.bookings.is_empty(), "no request to handle: only anonymous occupancy");
        let overbooked = crate::domain::Pool::new(state).index().overbooked();
        assert!(overbooked.is_empty(), "rule R1 broken by the demo data: {overbooked:?}");
        Ok(())
    }
}
