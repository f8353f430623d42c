//! The reader: state ([`app`]), what it can be asked to do ([`action`]), the key table
//! ([`keymap`]) and the user's settings ([`config`]), the side panel's contents ([`panel`]),
//! drawing ([`draw`], on [`paint`]'s helpers), and the terminal session ([`terminal`]).
//! [`snapshot`] draws it off-screen; [`speaker`] is the speaker view a presenting reader
//! tells what it shows.

pub mod action;
pub mod app;
pub mod chrome;
pub mod clipboard;
pub mod config;
pub mod document_view;
pub mod draw;
pub mod effect;
pub mod help;
pub mod keymap;

pub mod list;
pub mod list_filter;
pub mod look;
pub mod marks;
pub mod message;
pub mod mode;
pub mod overlay;
pub mod paint;
pub mod palette;
pub mod panel;
pub mod picked;
pub mod pointer;
pub mod presentation;
pub mod progress;
pub mod prompt;
pub mod reading;
pub mod regions;
pub mod scene;
pub mod search;
pub mod side_panel;
pub mod speaker;
pub mod terminal;
pub mod theme_trail;
pub mod typed_line;

use std::io::{self, Write};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use crossterm::event::{Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

use crate::analysis::{Analysis, ThemeSource, cache};
use crate::corpus::{Corpus, LoadError};
use crate::export::{HandoutOptions, write_new_handout_file};
use crate::layout::{BidiMode, LayoutOptions};
use crate::state::store::{Loaded, Shared};
use app::App;
use clipboard::Reach;
use config::Config;
use effect::{Effect, HANDOUT_NAME};
use keymap::Key;
use message::Message;
use presentation::Notice;
use speaker::published::Published;
use speaker::socket::{BindError, Publisher, socket_path};
use terminal::{ReaderBackend, TerminalSession, Wake, capped};

/// Setting this variable makes the reader panic at the first key, to test that the terminal
/// is restored after a panic.
pub const PANIC_TEST_VARIABLE: &str = "BASIRA_TEST_PANIC_ON_KEY";

/// What the reader opens.
pub enum Opening {
    /// The whole collection, read.
    Read(Corpus),
    /// The article to show first, read on its own, while the whole collection is read on
    /// another thread and sent on `rest` (or why it could not be).
    Reading {
        /// A collection of that one article.
        first: Corpus,
        /// Whether that is the whole article, or of a large file its opening, shown until
        /// the whole of it comes with the collection (what the reader remembers is taken up
        /// then, and bookmarks and notes wait until then).
        whole: bool,
        /// The whole collection, when it has been read.
        rest: mpsc::Receiver<Result<Corpus, LoadError>>,
    },
}

/// How often the reader looks whether the collection it is reading has arrived.
const READING_POLL: Duration = Duration::from_millis(50);

/// Run the reader in the terminal until the user quits or a signal ends it. The first frame
/// is drawn at once (while a collection is still being read, of its first article); the
/// analysis (key points, themes, links) is read from the cache or computed in the
/// background once the collection is there, and fills the panel when it is ready.
///
/// What the reader remembers (positions, bookmarks, notes, the open article) comes from
/// `remembered` (a store and what was loaded from it) and goes back to it at exit, and at
/// once when a bookmark or note changes. With `present` it presents the article it opens as
/// soon as the analysis is there (`basira present`).
pub fn run(
    opening: Opening,
    themes: ThemeSource,
    options: LayoutOptions,
    config: Config,
    remembered: Option<(Shared, Loaded)>,
    present: bool,
) -> io::Result<()> {
    let panic_on_key = std::env::var_os(PANIC_TEST_VARIABLE).is_some();
    let (corpus, mut rest, whole) = match opening {
        Opening::Read(corpus) => (Arc::new(corpus), None, true),
        Opening::Reading { first, whole, rest } => (Arc::new(first), Some(rest), whole),
    };
    let mut analysis =
        rest.is_none().then(|| analyse_in_background(Arc::clone(&corpus), themes.clone()));
    let (mut shared, remembered) = remembered.unzip();
    let session = TerminalSession::start(options.bidi == BidiMode::App)?;
    let mut terminal = Terminal::new(ReaderBackend::stdout()?)?;
    let size = terminal.size()?;
    let handout = config.handout_options();
    let mut app = App::new(corpus, options, config, size.width, size.height);
    // Of a large article only the opening is there yet: what the reader remembers is placed
    // on the whole of it, when it comes.
    let mut remembered = remembered;
    if whole {
        take_up_remembered(&mut app, remembered.take());
    } else {
        app.hold_state();
    }
    // Saving merges with what another reader saved meanwhile, and the reader takes up the
    // result (that reader's notes appear in this one). Nothing is saved while the state is
    // held: the reader has nothing of its own to save yet.
    let mut save = |app: &mut App| {
        if app.holds_state() {
            return;
        }
        if let Some(shared) = &mut shared {
            match shared.save(&app.state()) {
                Ok(merged) => app.adopt(merged),
                Err(e) => {
                    app.tell(Message::StateNotSaved(shared.path().to_path_buf(), e.to_string()))
                }
            }
        }
    };
    if present {
        app.present_when_ready();
    }
    let mut speaker = SpeakerLink::default();
    loop {
        // One frame for everything handled since the last: the backend writes only the rows
        // that changed, in one write.
        terminal.draw(|frame| draw::draw(frame, &app.scene(), draw::Clock::now()))?;
        speaker.keep_up(&mut app);
        for effect in app.take_effects() {
            match effect {
                Effect::Quit => {
                    save(&mut app);
                    return Ok(());
                }
                Effect::SaveState => save(&mut app),
                Effect::WriteHandout => {
                    let said = write_handout(&app, handout);
                    app.tell(said);
                }
                Effect::Copy => {
                    if let Some((text, what)) = app.take_copied() {
                        let reach = Reach::now();
                        let mut out = io::stdout();
                        out.write_all(clipboard::sequence(&text, reach).as_bytes())?;
                        out.flush()?;
                        let chars = text.chars().count();
                        let tmux_drops_it = reach == Reach::TmuxDropsIt;
                        app.tell(Message::Copied { what, chars, tmux_drops_it });
                    }
                }
            }
        }
        if let Some(arrived) = rest.as_ref().and_then(|r| r.try_recv().ok()) {
            rest = None;
            match arrived {
                Ok(whole) => {
                    let first =
                        whole.documents.iter().position(|d| d.path == app.scene().document().path);
                    let whole = Arc::new(whole);
                    app.take_up_collection(Arc::clone(&whole), first.unwrap_or(0));
                    take_up_remembered(&mut app, remembered.take());
                    analysis = Some(analyse_in_background(whole, themes.clone()));
                }
                Err(e) => app.tell(Message::CollectionFailed(e)),
            }
            // Drawn at once with every article.
            continue;
        }
        if let Some(ready) = analysis.as_ref().and_then(|a| a.try_recv().ok()) {
            app.set_analysis(ready);
        }
        // While the collection is being read, look for it often.
        let wait = if rest.is_some() { READING_POLL } else { Duration::MAX };
        // Every event already waiting is handled before the next frame: a held key's
        // repeats are drawn once.
        for wake in session.next_batch(wait)? {
            // Ctrl-Z (raw mode makes it a key) stops the reader as SIGTSTP from outside does.
            let wake = match wake {
                Wake::Event(Event::Key(key))
                    if key.kind != KeyEventKind::Release
                        && Key::from_event(&key) == Key::ctrl('z') =>
                {
                    Wake::Suspend
                }
                wake => wake,
            };
            match wake {
                Wake::Suspend => {
                    save(&mut app);
                    session.suspend()?;
                    take_the_terminal_again(&mut terminal, &mut app)?;
                }
                Wake::Resumed => take_the_terminal_again(&mut terminal, &mut app)?,
                Wake::Event(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                    if panic_on_key {
                        panic!("{PANIC_TEST_VARIABLE} is set");
                    }
                    for key in Key::all_from_event(&key) {
                        app.handle_key(key);
                    }
                }
                Wake::Event(Event::Mouse(mouse)) => app.handle_mouse(mouse),
                Wake::Event(Event::Paste(text)) => app.paste(&text),
                Wake::Event(Event::Resize(width, height)) => {
                    resize(&mut terminal, &mut app, width, height);
                }
                Wake::Event(_) | Wake::Tick => {}
                Wake::Signal(signal) => {
                    save(&mut app);
                    drop(terminal);
                    drop(session);
                    signal_hook::low_level::emulate_default_handler(signal)?;
                    return Ok(());
                }
            }
            // The keys after the one that quits are not acted on.
            if app.should_quit() {
                break;
            }
        }
    }
}

/// The presenting reader's link to the speaker view: the socket while it presents, and what
/// it last told it.
#[derive(Default)]
struct SpeakerLink {
    /// The socket, while presenting (and it could be had).
    publisher: Option<Publisher>,
    /// Whether the socket was tried for this presentation.
    tried: bool,
    /// What was last sent.
    sent: Option<Published>,
}

impl SpeakerLink {
    /// Listen while `app` presents and tell the speaker view what it shows when that changes;
    /// let the socket go when it no longer presents. A socket another reader has is said on
    /// the presentation's footer.
    fn keep_up(&mut self, app: &mut App) {
        let now = std::time::Instant::now();
        let Some(presentation) = app.scene().mode.presentation() else {
            *self = SpeakerLink::default();
            return;
        };
        let published = Published::of(presentation, now);
        if !self.tried {
            self.tried = true;
            match socket_path().map_err(BindError::Io).and_then(|path| Publisher::bind(&path)) {
                Ok(publisher) => self.publisher = Some(publisher),
                Err(BindError::Taken) => app.tell_presentation(Notice::SpeakerViewTaken),
                Err(BindError::Io(e)) => {
                    app.tell_presentation(Notice::SpeakerViewFailed(e.to_string()))
                }
            }
        }
        let Some(publisher) = &self.publisher else {
            return;
        };
        if self.sent.as_ref().is_none_or(|sent| !sent.shows_the_same_as(&published)) {
            publisher.publish(&published);
            self.sent = Some(published);
        }
    }
}

/// Give `app` what the reader remembers (and say what was wrong with the file, if anything).
fn take_up_remembered(app: &mut App, remembered: Option<Loaded>) {
    if let Some(Loaded { state, warning }) = remembered {
        app.remember(state);
        if let Some(warning) = warning {
            app.tell(Message::State(warning));
        }
    }
}

/// Give the terminal's new size to the backend and the reader. The size is asked of the
/// terminal when the reader starts and after a suspension, and otherwise comes with resize
/// events.
fn resize(
    terminal: &mut Terminal<ReaderBackend<io::Stdout>>,
    app: &mut App,
    width: u16,
    height: u16,
) {
    let size = capped(Size { width, height });
    terminal.backend_mut().set_size(size);
    app.resize(size.width, size.height);
}

/// After the reader was stopped and continued: the terminal's size asked again (it may have
/// changed meanwhile) and the whole screen drawn anew.
fn take_the_terminal_again(
    terminal: &mut Terminal<ReaderBackend<io::Stdout>>,
    app: &mut App,
) -> io::Result<()> {
    let (width, height) = crossterm::terminal::size()?;
    resize(terminal, app, width, height);
    terminal.clear()
}

/// The analysis of `corpus`, read from the cache or computed on a thread of its own; it
/// arrives on the returned channel.
fn analyse_in_background(
    corpus: Arc<Corpus>,
    themes: ThemeSource,
) -> mpsc::Receiver<Arc<Analysis>> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let analysis = cache::load_or_compute(&corpus, &themes);
        let _ = send.send(Arc::new(analysis));
    });
    receive
}

/// Write the handout of `app`'s collection as `handout` says to a new file in the current
/// folder, named after [`HANDOUT_NAME`] ([`Effect::WriteHandout`]); what to tell the user.
fn write_handout(app: &App, handout: HandoutOptions) -> Message {
    let scene = app.scene();
    let Some(analysis) = scene.analysis else {
        return Message::StillReading;
    };
    let name = std::path::Path::new(HANDOUT_NAME);
    match write_new_handout_file(name, scene.corpus, analysis, &app.state(), handout) {
        Ok(path) => {
            let shown = std::fs::canonicalize(&path).unwrap_or(path);
            Message::HandoutWritten(shown)
        }
        Err(e) => Message::HandoutFailed(e.to_string()),
    }
}

/// Draw the reader on an off-screen terminal of `size` (columns, rows) after pressing `keys`
/// (notation of [`keymap::parse_keys`]) and return the screen as text, one line per row. The
/// analysis is there from the start.
pub fn snapshot(
    corpus: Corpus,
    themes: &ThemeSource,
    size: (u16, u16),
    keys: &str,
    options: LayoutOptions,
    config: Config,
) -> Result<String, String> {
    let keys = keymap::parse_keys(keys)?;
    let (width, height) = size;
    let analysis = Arc::new(cache::load_or_compute(&corpus, themes));
    let handout = config.handout_options();
    let mut app = App::new(Arc::new(corpus), options, config, width, height);
    app.set_analysis(analysis);
    for key in keys {
        app.handle_key(key);
        // The state is not saved here, but a handout asked for is written.
        for effect in app.take_effects() {
            if effect == Effect::WriteHandout {
                let said = write_handout(&app, handout);
                app.tell(said);
            }
        }
    }
    Ok(screen_text(&render(&app, width, height)))
}

/// Draw the reader into a buffer of `width` × `height` cells, at the wall clock's time.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    render_at(app, width, height, draw::Clock::now())
}

/// [`render`] at the time `clock` says (presentation mode's footer shows it).
pub fn render_at(app: &App, width: u16, height: u16, clock: draw::Clock) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|never| match never {});
    let frame = terminal
        .draw(|frame| draw::draw(frame, &app.scene(), clock))
        .unwrap_or_else(|never| match never {});
    frame.buffer.clone()
}

/// The text of a buffer, row by row, without trailing spaces; a wide character's second cell
/// is not repeated.
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut text = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        text.push_str(row.trim_end());
        text.push('\n');
    }
    text
}
