//! The reader: state and actions ([`app`]), the key table ([`keymap`]), drawing ([`draw`]),
//! and the terminal session ([`terminal`]). [`snapshot`] draws it off-screen.

pub mod app;
pub mod chrome;
pub mod document_view;
pub mod draw;
pub mod keymap;
pub mod regions;
pub mod terminal;

use std::io;

use crossterm::event::{Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;

use crate::corpus::Corpus;
use crate::layout::{BidiMode, LayoutOptions};
use app::App;
use keymap::Key;
use terminal::{TerminalSession, Wake};

/// Setting this variable makes the reader panic at the first key, to test that the terminal
/// is restored after a panic.
pub const PANIC_TEST_VARIABLE: &str = "BASIRA_TEST_PANIC_ON_KEY";

/// Run the reader in the terminal until the user quits or a signal ends it.
pub fn run(corpus: Corpus, options: LayoutOptions) -> io::Result<()> {
    let panic_on_key = std::env::var_os(PANIC_TEST_VARIABLE).is_some();
    let session = TerminalSession::start(options.bidi == BidiMode::App)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(corpus, options, size.width, size.height);
    let mut last_scene = None;
    loop {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        // When the text moves, repaint every cell: in some terminals (xterm with DejaVu Sans
        // Mono) the ink of harakat spills into the rows above and below, and a cell that
        // stays blank would keep it.
        let scene = Some(app.scene());
        if scene != last_scene {
            terminal.clear()?;
            last_scene = scene;
        }
        terminal.draw(|frame| draw::draw(frame, &app))?;
        if app.should_quit() {
            break;
        }
        match session.next()? {
            Wake::Event(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                if panic_on_key {
                    panic!("{PANIC_TEST_VARIABLE} is set");
                }
                app.handle_key(Key::from_event(&key));
            }
            Wake::Event(_) => {}
            Wake::Signal(signal) => {
                drop(terminal);
                drop(session);
                signal_hook::low_level::emulate_default_handler(signal)?;
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Draw the reader on an off-screen terminal of `size` (columns, rows) after pressing `keys`
/// (notation of [`keymap::parse_keys`]) and return the screen as text, one line per row.
pub fn snapshot(
    corpus: Corpus,
    size: (u16, u16),
    keys: &str,
    options: LayoutOptions,
) -> Result<String, String> {
    let keys = keymap::parse_keys(keys)?;
    let (width, height) = size;
    let mut app = App::new(corpus, options, width, height);
    for key in keys {
        app.handle_key(key);
    }
    Ok(screen_text(&render(&app, width, height)))
}

/// Draw the reader into a buffer of `width` × `height` cells.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|never| match never {});
    let frame =
        terminal.draw(|frame| draw::draw(frame, app)).unwrap_or_else(|never| match never {});
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
