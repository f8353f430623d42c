//! `y`: copying a passage to the system clipboard through the terminal, with the OSC 52
//! sequence, so that it works over ssh and in a console with no clipboard program. The text
//! goes in logical order (as it was written, not as it is drawn), so that it pastes as real
//! text; it is Base64 inside a sequence of basira's own, so nothing in it can act on the
//! terminal. Terminals that do not take OSC 52 ignore it; tmux passes it on only when its
//! `set-clipboard` option is on, and GNU screen only inside its own pass-through.

use std::process::Command;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::message::Copied;
use super::panel::Target;
use super::reading::Highlight;
use crate::corpus::Document;

/// What `y` copies, from `documents`: the panel's selected item when the panel has the
/// keyboard (`panel_item`), else the passage marked in the text, else paragraph `paragraph`
/// of article `document`; in logical order.
pub fn what_to_copy(
    documents: &[Document],
    panel_item: Option<&Target>,
    marked: Option<&Highlight>,
    (document, paragraph): (usize, usize),
) -> Option<(String, Copied)> {
    let text = |document: usize, paragraph: usize, range: Option<&std::ops::Range<usize>>| {
        let text = &documents.get(document)?.paragraphs.get(paragraph)?.text;
        let part = match range {
            Some(range) => text.get(range.clone())?,
            None => text.as_str(),
        };
        Some(part.trim().to_string())
    };
    match (panel_item, marked) {
        (Some(Target::Sentence { document, paragraph, range }), _) => {
            Some((text(*document, *paragraph, Some(range))?, Copied::PanelItem))
        }
        (_, Some(h)) => Some((text(h.document, h.paragraph, Some(&h.range))?, Copied::Passage)),
        _ => Some((text(document, paragraph, None)?, Copied::Paragraph)),
    }
}

/// Where a copy goes, as far as basira can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Straight to the terminal.
    Terminal,
    /// Through tmux, which drops it: its `set-clipboard` is not on.
    TmuxDropsIt,
    /// Through tmux, which takes it (`set-clipboard on`).
    Tmux,
    /// Through GNU screen, wrapped in its pass-through.
    Screen,
}

impl Reach {
    /// Where a copy made now goes: read from the environment (`TMUX`, `STY`) and, inside
    /// tmux, from its `set-clipboard` option.
    pub fn now() -> Reach {
        if std::env::var_os("TMUX").is_some() {
            let option =
                Command::new("tmux").args(["show-options", "-gv", "set-clipboard"]).output();
            match option {
                Ok(out) if String::from_utf8_lossy(&out.stdout).trim() == "on" => Reach::Tmux,
                _ => Reach::TmuxDropsIt,
            }
        } else if std::env::var_os("STY").is_some() {
            Reach::Screen
        } else {
            Reach::Terminal
        }
    }
}

/// The bytes that ask the terminal to put `text` on the clipboard, for `reach`.
pub fn sequence(text: &str, reach: Reach) -> String {
    let osc = format!("\u{1b}]52;c;{}\u{7}", STANDARD.encode(text));
    match reach {
        Reach::Screen => format!("\u{1b}P{osc}\u{1b}\\"),
        _ => osc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_item_then_the_passage_marked_then_the_paragraph() {
        let corpus = crate::corpus::Corpus::builtin();
        let documents = &corpus.documents;
        let paragraph = &documents[0].paragraphs[2].text;
        let whole = what_to_copy(documents, None, None, (0, 2)).unwrap();
        assert_eq!(whole, (paragraph.trim().to_string(), Copied::Paragraph));
        let marked =
            Highlight { document: 0, paragraph: 2, range: 0..paragraph.find(' ').unwrap() };
        let (word, what) = what_to_copy(documents, None, Some(&marked), (1, 0)).unwrap();
        assert_eq!((word.as_str(), what), (&paragraph[marked.range.clone()], Copied::Passage));
        let item = Target::Sentence { document: 1, paragraph: 1, range: 0..6 };
        let (_, what) = what_to_copy(documents, Some(&item), Some(&marked), (0, 2)).unwrap();
        assert_eq!(what, Copied::PanelItem);
        assert_eq!(what_to_copy(documents, Some(&Target::Theme(0)), None, (0, 99)), None);
    }

    #[test]
    fn the_text_goes_as_base64_in_logical_order() {
        let text = "راجع تقرير UN لعام 2024 (مهم)\u{1b}]0;x\u{7}";
        let sent = sequence(text, Reach::Terminal);
        let payload = sent.strip_prefix("\u{1b}]52;c;").unwrap().strip_suffix('\u{7}').unwrap();
        assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
        assert_eq!(STANDARD.decode(payload).unwrap(), text.as_bytes());
        let wrapped = sequence("x", Reach::Screen);
        assert!(wrapped.starts_with("\u{1b}P\u{1b}]52;c;") && wrapped.ends_with("\u{1b}\\"));
    }
}
