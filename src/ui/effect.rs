//! What the reader asks its event loop to do: what reaches outside its own state.

/// What the reader asks its event loop to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the reading state now: bookmarks or notes changed.
    SaveState,
    /// Write the handout of every article to a new file in the current folder,
    /// [`HANDOUT_NAME`] with the extension of its format (`basira-handout-2.md` when
    /// `basira-handout.md` is there), as `config.toml` asks (the format, whether the
    /// bookmarks and notes are in it).
    WriteHandout,
    /// Put what the reader copied (the app's `take_copied`) on the clipboard, through the
    /// terminal.
    Copy,
    /// Leave the reader (the state saved first); the keys after the one that quits are not
    /// acted on.
    Quit,
}

/// The name of the file `e` writes the handout to, in the current folder, without its
/// extension.
pub const HANDOUT_NAME: &str = "basira-handout";
