//! P: perspective: the narrator's voice slipping out of third-person reporting.

pub mod first_person_in_reporting;
