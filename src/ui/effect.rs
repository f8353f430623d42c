//! What the reader asks its event loop to do: what reaches outside its own state.

/// What the reader asks its event loop to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the reading state now: bookmarks or notes changed.
    SaveState,
    /// Write the handout of every article, with the bookmarks and notes, to
    /// [`HANDOUT_FILE`] in the current folder.
    WriteHandout,
    /// Put what the reader copied ([`super::app::App::take_copied`]) on the clipboard,
    /// through the terminal.
    Copy,
    /// Leave the reader (the state saved first); the keys after the one that quits are not
    /// acted on.
    Quit,
}

/// The file `e` writes the handout to, in the current folder.
pub const HANDOUT_FILE: &str = "basira-handout.md";
