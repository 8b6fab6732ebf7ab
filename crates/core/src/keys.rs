//! The viewer's keyboard shortcuts as data: which key does what, where.

/// What a key press asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    FocusSearch,
    Next,
    Prev,
    Open,
    Close,
    ToggleHelp,
    /// Enter in the search box: the cursor (and focus) to the first result.
    FirstResult,
}

/// What a key press lands on, as far as the shortcuts care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Anything that takes no typed letters: the page, a link, a checkbox.
    Page,
    /// A field that takes letters (a facet's filter box, the release picker).
    TextField,
    /// The archive's search box: a text field whose Enter means "to the results".
    SearchBox,
}

impl Target {
    /// The target of a key press on an element (its upper-case `tagName`,
    /// an `input`'s `type`), `search_box` when it is the archive's search box.
    pub fn of(tag: &str, input_type: Option<&str>, search_box: bool) -> Target {
        if search_box {
            Target::SearchBox
        } else if is_text_field(tag, input_type) {
            Target::TextField
        } else {
            Target::Page
        }
    }
}

/// Shortcuts listed in the help popover, in order.
pub const SHORTCUTS: [(&str, &str); 7] = [
    ("/", "focus the search box"),
    (
        "Enter",
        "in the search box: go to the first result (j/k go on from there)",
    ),
    ("j", "next result (next entry when one is open)"),
    ("k", "previous result"),
    ("Enter", "open the selected result"),
    ("Esc", "close the entry, post or help; leave the search box"),
    ("?", "show or hide this help"),
];

/// Maps a `KeyboardEvent.key` to an action. While the user types in a text
/// field only Escape is taken (and Enter in the search box, which "type,
/// Enter, j" needs: without it the j is typed), and `modified` keys (with
/// Ctrl/Alt/Meta, or pressed while an input method composes) belong to the
/// browser.
pub fn action(key: &str, target: Target, modified: bool) -> Option<KeyAction> {
    if modified {
        return None;
    }
    match (target, key) {
        (Target::TextField | Target::SearchBox, "Escape") => return Some(KeyAction::Close),
        (Target::SearchBox, "Enter") => return Some(KeyAction::FirstResult),
        (Target::TextField | Target::SearchBox, _) => return None,
        (Target::Page, _) => {}
    }
    Some(match key {
        "/" => KeyAction::FocusSearch,
        "j" | "ArrowDown" => KeyAction::Next,
        "k" | "ArrowUp" => KeyAction::Prev,
        "Enter" => KeyAction::Open,
        "Escape" => KeyAction::Close,
        "?" => KeyAction::ToggleHelp,
        _ => return None,
    })
}

/// Whether an element (its upper-case `tagName`, and an `input`'s `type`
/// attribute) takes typed letters: then j/k are text, not shortcuts. A
/// checkbox or button takes none, so shortcuts work while it has focus.
pub fn is_text_field(tag: &str, input_type: Option<&str>) -> bool {
    match tag {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => {
            input_type.is_none_or(|ty| !matches!(ty, "checkbox" | "radio" | "button" | "submit"))
        }
        _ => false,
    }
}

/// Whether Enter on this element already does something of its own (follows
/// a link, presses a button, submits), so it must not also open the cursor's row.
pub fn handles_enter(tag: &str) -> bool {
    matches!(tag, "A" | "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_are_those_that_take_letters() {
        assert!(is_text_field("INPUT", None));
        assert!(is_text_field("INPUT", Some("search")));
        assert!(is_text_field("TEXTAREA", None));
        assert!(is_text_field("SELECT", None));
        assert!(!is_text_field("INPUT", Some("checkbox")));
        assert!(!is_text_field("INPUT", Some("submit")));
        assert!(!is_text_field("BUTTON", None));
        assert!(!is_text_field("BODY", None));
    }

    #[test]
    fn enter_is_left_to_links_buttons_and_fields() {
        for tag in ["A", "BUTTON", "INPUT", "SELECT", "TEXTAREA"] {
            assert!(handles_enter(tag), "{tag}");
        }
        assert!(!handles_enter("BODY"));
        assert!(!handles_enter("LI"));
    }

    use Target::{Page, SearchBox, TextField};

    #[test]
    fn letters_act_outside_text_fields_only() {
        assert_eq!(action("j", Page, false), Some(KeyAction::Next));
        assert_eq!(action("k", Page, false), Some(KeyAction::Prev));
        assert_eq!(action("/", Page, false), Some(KeyAction::FocusSearch));
        assert_eq!(action("?", Page, false), Some(KeyAction::ToggleHelp));
        for field in [TextField, SearchBox] {
            assert_eq!(action("j", field, false), None);
            assert_eq!(action("/", field, false), None);
        }
    }

    #[test]
    fn escape_works_everywhere_and_modifiers_are_the_browsers() {
        for target in [Page, TextField, SearchBox] {
            assert_eq!(action("Escape", target, false), Some(KeyAction::Close));
        }
        assert_eq!(action("j", Page, true), None);
        assert_eq!(action("x", Page, false), None);
    }

    #[test]
    fn enter_in_the_search_box_goes_to_the_results_and_elsewhere_opens() {
        assert_eq!(
            action("Enter", SearchBox, false),
            Some(KeyAction::FirstResult)
        );
        assert_eq!(action("Enter", Page, false), Some(KeyAction::Open));
        // A facet's filter box or the release picker keeps its own Enter (the picker submits).
        assert_eq!(action("Enter", TextField, false), None);
        // Ctrl+Enter and the like stay the browser's, in the box too.
        assert_eq!(action("Enter", SearchBox, true), None);
    }

    #[test]
    fn the_search_box_is_told_apart_from_other_fields() {
        assert_eq!(Target::of("INPUT", Some("search"), true), SearchBox);
        assert_eq!(Target::of("INPUT", Some("search"), false), TextField);
        assert_eq!(Target::of("INPUT", Some("text"), false), TextField);
        assert_eq!(Target::of("INPUT", Some("checkbox"), false), Page);
        assert_eq!(Target::of("A", None, false), Page);
    }

    #[test]
    fn the_help_lists_what_enter_does_in_the_search_box() {
        let enter: Vec<&str> = (SHORTCUTS.iter())
            .filter(|(k, _)| *k == "Enter")
            .map(|(_, v)| *v)
            .collect();
        assert_eq!(enter.len(), 2);
        assert!(enter
            .iter()
            .any(|v| v.contains("search box") && v.contains("first result")));
    }
}
