//! The teacher's own profile: who books from this browser. No account: the e-mail address is
//! the identity the coordinator sees in a `requests` file.

use super::people::{School, Teacher};
use super::text::lowercase;

/// Longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// What is wrong with a profile form, field by field (all problems at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileProblem {
    /// No name, or only spaces.
    NameMissing,
    /// Longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    /// Not an e-mail address.
    EmailInvalid,
    /// No school chosen, or one the pool does not know.
    SchoolUnknown,
}

/// The teacher id derived from an e-mail address: trimmed and lower-cased, so the same person
/// is recognised whatever the case they typed. Lower-casing covers ASCII and Latin letters
/// (see [`super::text::lower`]). Letters of other scripts are kept as typed.
pub fn teacher_id(email: &str) -> String {
    lowercase(email.trim())
}

/// Whether `email` looks like a deliverable address: one `@`, a non-empty local part, a domain
/// with a dot that neither starts nor ends it, and no spaces.
pub fn is_email(email: &str) -> bool {
    let email = email.trim();
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Checks a profile form against the known schools; returns the teacher or every problem.
pub fn validate_profile(
    name: &str,
    email: &str,
    school: &str,
    schools: &[School],
) -> Result<Teacher, Vec<ProfileProblem>> {
    let mut problems = Vec::new();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        problems.push(ProfileProblem::NameMissing);
    } else if name.chars().count() > MAX_NAME_CHARS {
        problems.push(ProfileProblem::NameTooLong);
    }
    if !is_email(email) {
        problems.push(ProfileProblem::EmailInvalid);
    }
    if !schools.iter().any(|s| s.id == school) {
        problems.push(ProfileProblem::SchoolUnknown);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Teacher { id: teacher_id(email), name, email: email.trim().to_owned(), school: school.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schools() -> Vec<School> {
        vec![School { id: "monge".into(), name: "École Monge".into(), commune: "saint-etienne".into() }]
    }

    #[test]
    fn a_complete_profile_gives_a_teacher_identified_by_email() {
        let teacher = validate_profile("  Anne   Martin ", " Anne.Martin@AC-Lyon.fr ", "monge", &schools());
        assert_eq!(
            teacher,
            Ok(Teacher {
                id: "anne.martin@ac-lyon.fr".into(),
                name: "Anne Martin".into(),
                email: "Anne.Martin@AC-Lyon.fr".into(),
                school: "monge".into(),
            })
        );
    }

    #[test]
    fn the_teacher_id_ignores_case_including_accented_capitals() {
        assert_eq!(teacher_id(" Anne.Martin@AC-Lyon.FR "), "anne.martin@ac-lyon.fr");
        assert_eq!(teacher_id("Hélène.LŒUVRE@École.fr"), "hélène.lœuvre@école.fr");
        assert_eq!(teacher_id("Hélène.LŒUVRE@École.fr"), "Hélène.LŒUVRE@École.fr".to_lowercase());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        assert_eq!(
            validate_profile(" ", "anne", "", &schools()),
            Err(vec![ProfileProblem::NameMissing, ProfileProblem::EmailInvalid, ProfileProblem::SchoolUnknown])
        );
        let long = "a".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(validate_profile(&long, "a@b.fr", "monge", &schools()), Err(vec![ProfileProblem::NameTooLong]));
    }

    #[test]
    fn email_addresses_are_checked_for_their_shape() {
        for good in ["a@b.fr", "prenom.nom@ac-lyon.fr", " x@y.z "] {
            assert!(is_email(good), "{good}");
        }
        for bad in ["", "a", "a@", "@b.fr", "a@b", "a@.fr", "a@b.", "a b@c.fr", "a@b@c.fr", "a@b..fr"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
