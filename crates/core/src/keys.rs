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
}

/// Shortcuts listed in the help popover, in order.
pub const SHORTCUTS: [(&str, &str); 6] = [
    ("/", "focus the search box"),
    ("j", "next result (next entry when one is open)"),
    ("k", "previous result"),
    ("Enter", "open the selected result"),
    ("Esc", "close the entry, post or help; leave the search box"),
    ("?", "show or hide this help"),
];

/// Maps a `KeyboardEvent.key` to an action. While the user types in a text
/// field only Escape is taken, and keys with Ctrl/Alt/Meta belong to the browser.
pub fn action(key: &str, in_text_field: bool, modified: bool) -> Option<KeyAction> {
    if modified {
        return None;
    }
    if in_text_field {
        return (key == "Escape").then_some(KeyAction::Close);
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

    #[test]
    fn letters_act_outside_text_fields_only() {
        assert_eq!(action("j", false, false), Some(KeyAction::Next));
        assert_eq!(action("k", false, false), Some(KeyAction::Prev));
        assert_eq!(action("/", false, false), Some(KeyAction::FocusSearch));
        assert_eq!(action("?", false, false), Some(KeyAction::ToggleHelp));
        assert_eq!(action("j", true, false), None);
        assert_eq!(action("/", true, false), None);
    }

    #[test]
    fn escape_works_everywhere_and_modifiers_are_the_browsers() {
        assert_eq!(action("Escape", true, false), Some(KeyAction::Close));
        assert_eq!(action("Escape", false, false), Some(KeyAction::Close));
        assert_eq!(action("j", false, true), None);
        assert_eq!(action("x", false, false), None);
    }
}
