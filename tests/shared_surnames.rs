//! End-to-end tests of a surname that several people of one article share: alone, it names the
//! principal one where the article makes clear who that is, and nobody otherwise.

mod util;

use util::*;

/// The (text, name) of every person newsner finds in `input`, in order.
fn people(input: &str) -> Vec<(String, String)> {
    extracted(input)
        .into_iter()
        .filter(|r| r["type"] == "person")
        .map(|r| (r["text"].clone(), r["name"].clone()))
        .collect()
}

/// The names newsner gives each lone `surname` in `input`, in order.
fn lone(input: &str, surname: &str) -> Vec<String> {
    people(input)
        .into_iter()
        .filter(|(t, _)| t == surname)
        .map(|(_, n)| n)
        .collect()
}

#[test]
fn relatives_named_once_leave_the_surname_to_the_subject() {
    let text = "Actor Dorian Pellowe was born in Exeter. His daughter Mara Pellowe and his son \
                Tobin Pellowe live in Leeds. Pellowe said he was proud of them.";
    assert_eq!(lone(text, "Pellowe"), ["Dorian Pellowe"]);
}

#[test]
fn the_one_named_far_more_often_takes_the_surname_though_named_second() {
    let text = "Jacob Pellowe taught his nephew Dorian Pellowe. Dorian Pellowe wrote three \
                books. Critics loved Dorian Pellowe and his work. In 1790 Dorian Pellowe moved \
                to Basel. Pellowe died there.";
    assert_eq!(lone(text, "Pellowe"), ["Dorian Pellowe"]);
}

#[test]
fn the_one_in_the_lead_takes_the_surname_but_not_right_after_the_other() {
    let text = "Coach Andrew Pellowe named his squad on Monday.\n\
                The captain, Simon Pellowe, is injured, and Pellowe is upset.\n\
                On Friday Pellowe said the team was ready.";
    assert_eq!(lone(text, "Pellowe"), ["Andrew Pellowe"]);
}

#[test]
fn the_one_in_the_headline_takes_the_surname() {
    let input = r#"{"id":"1","title":"Dorian Pellowe wins the prize","text":"The prize went to a painter from Leeds.\nHis brother Tomas Pellowe was at the dinner.\nPellowe thanked the jury."}"#;
    assert_eq!(lone(input, "Pellowe"), ["Dorian Pellowe"]);
}

#[test]
fn two_people_named_alike_leave_the_surname_to_nobody() {
    let text = "Marta Pellowe beat Ilse Pellowe in the final. Marta Pellowe served well. Ilse \
                Pellowe struggled. Pellowe said it was hard.";
    assert!(lone(text, "Pellowe").is_empty());
}

#[test]
fn two_people_named_first_in_one_list_leave_the_surname_to_nobody() {
    let text = "The team was Carl Pellowe, Tom Brady and Jon Pellowe. Pellowe scored twice.";
    assert!(lone(text, "Pellowe").is_empty());
}

#[test]
fn two_people_named_once_out_of_the_lead_leave_the_surname_to_nobody() {
    let text = "The club had a bad week.\n\
                Striker Carl Pellowe is injured. Defender Jon Pellowe is suspended.\n\
                Pellowe will be missed.";
    assert!(lone(text, "Pellowe").is_empty());
}

#[test]
fn a_surname_before_family_or_twins_is_no_person() {
    let text = "Dorian Pellowe visited the Pellowe family farm. The Pellowe twins were there. \
                Pellowe left at noon.";
    assert_eq!(lone(text, "Pellowe"), ["Dorian Pellowe"]);
}

#[test]
fn listed_people_share_a_surname_by_the_same_rule() {
    let text = "Serena Williams won the title in Melbourne.\n\
                Her sister Venus Williams watched from the stands. Later Williams said she felt \
                tired.";
    assert_eq!(lone(text, "Williams"), ["Serena Williams"]);
    let text = "Venus Williams and Serena Williams reached the final.\nWilliams served first.";
    assert!(lone(text, "Williams").is_empty());
}
