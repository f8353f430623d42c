//! The speaker view (`basira present --speaker`): in a second terminal or tmux pane, it
//! follows the reader that presents — the slide the audience sees, its note, the next slide,
//! the time presented and left — through a local socket ([`socket`]). It waits for a
//! presentation, and when the presenter stops (or quits) it waits for the next. `q`, Esc or
//! Ctrl-C leave it, the terminal restored.

pub mod published;
pub mod socket;
pub mod view;

use std::io;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind};
use ratatui::Terminal;

use super::config::Config;
use super::keymap::Key;
use super::look::Look;
use super::terminal::{ReaderBackend, TerminalSession, Wake, capped};
use crate::layout::{BidiMode, LayoutOptions};
use published::Published;
use socket::{Heard, follow, socket_path};

/// How often the view looks for a presenting reader while it waits.
const LOOK_AGAIN: Duration = Duration::from_millis(250);

/// Run the speaker view until the user leaves it.
pub fn run(options: LayoutOptions, config: Config) -> io::Result<()> {
    let path = socket_path()?;
    let look = Look::new(&config);
    let session = TerminalSession::start(options.bidi == BidiMode::App)?;
    let mut terminal = Terminal::new(ReaderBackend::stdout()?)?;
    let mut heard: Option<mpsc::Receiver<Heard>> = None;
    let mut shown: Option<(Published, Instant)> = None;
    let mut looked: Option<Instant> = None;
    loop {
        if heard.is_none() && looked.is_none_or(|at| at.elapsed() >= LOOK_AGAIN) {
            looked = Some(Instant::now());
            heard = follow(&path).ok();
        }
        if let Some(receiver) = &heard {
            loop {
                match receiver.try_recv() {
                    Ok(Heard::Showing(published)) => shown = Some((*published, Instant::now())),
                    Ok(Heard::Gone) | Err(mpsc::TryRecvError::Disconnected) => {
                        heard = None;
                        shown = None;
                        break;
                    }
                    Err(mpsc::TryRecvError::Empty) => break,
                }
            }
        }
        let desk = view::Desk {
            lang: look.lang,
            palette: &look.palette,
            options: &options,
            clock: chrono::Local::now().format("%H:%M").to_string(),
        };
        let now = Instant::now();
        terminal.draw(|frame| {
            let area = frame.area();
            let following = shown.as_ref().map(|(p, at)| (p, *at));
            view::draw(frame.buffer_mut(), area, following, now, &desk);
        })?;
        match session.next_within(LOOK_AGAIN)? {
            Wake::Event(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                let key = Key::from_event(&key);
                if key == Key::ctrl('c') || key == Key::ch('q') || key.code == KeyCode::Esc {
                    return Ok(());
                }
            }
            Wake::Event(Event::Resize(width, height)) => {
                let size = capped(ratatui::layout::Size { width, height });
                terminal.backend_mut().set_size(size);
            }
            Wake::Signal(signal) => {
                drop(terminal);
                drop(session);
                signal_hook::low_level::emulate_default_handler(signal)?;
                return Ok(());
            }
            Wake::Suspend => {
                session.suspend()?;
                terminal.clear()?;
            }
            Wake::Resumed => terminal.clear()?,
            Wake::Event(_) | Wake::Tick => {}
        }
    }
}
