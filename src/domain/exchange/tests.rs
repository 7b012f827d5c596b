//! The exchange end to end, on the domain alone: a teacher's requests taken in, her answer
//! adopted, the published catalogue adopted, with no personal data published.
