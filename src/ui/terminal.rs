//! The terminal while the reader runs: raw mode, the alternate screen, mouse reporting,
//! explicit bidi, and putting all of it back on exit, on panic, and on every signal whose
//! default ends the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM).
//!
//! A watchdog thread covers the cases the event loop cannot see: a terminal that went away
//! without a SIGHUP (a closed tmux pane leaves reads returning end-of-file, on which the
//! terminal library spins), and a signal that arrives while the loop is stuck. It waits a
//! moment for the loop to finish by itself, then restores the terminal and ends the process.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// ECMA-48 BDSM reset (explicit mode: the terminal does no bidi) and SCP 1 (left-to-right
/// presentation, so that a terminal like VTE does not mirror whole rows).
const EXPLICIT_BIDI: &str = "\x1b[8l\x1b[1 k";
/// BDSM set (implicit mode, the usual default) and SCP 0 (default presentation).
const IMPLICIT_BIDI: &str = "\x1b[0 k\x1b[8h";

/// True while the terminal is in the reader's modes; whoever restores first clears it.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether the explicit-bidi sequences were sent and must be undone.
static SENT_BIDI: AtomicBool = AtomicBool::new(false);

/// How often the event wait wakes to look for a signal.
const SIGNAL_POLL: Duration = Duration::from_millis(200);
/// How often the watchdog looks at the terminal and the signals.
const WATCHDOG_PERIOD: Duration = Duration::from_millis(250);
/// How long the watchdog lets the event loop end by itself after a signal.
const WATCHDOG_GRACE: Duration = Duration::from_millis(1500);

/// What the reader is woken by.
pub enum Wake {
    /// A key, mouse or resize event.
    Event(Event),
    /// Nothing happened for a moment: a chance to look at work done in the background.
    Tick,
    /// A signal asking the process to end (its number).
    Signal(i32),
}

/// The terminal set up for the reader. Dropping it restores the terminal.
pub struct TerminalSession {
    signal: Arc<AtomicUsize>,
    finished: Arc<AtomicBool>,
    explicit_bidi: bool,
}

impl TerminalSession {
    /// Enter raw mode and the alternate screen, hide the cursor, and (with `explicit_bidi`)
    /// tell bidi terminals to leave ordering to basira. Installs a panic hook and signal
    /// handlers that restore the terminal.
    pub fn start(explicit_bidi: bool) -> io::Result<TerminalSession> {
        let signal = Arc::new(AtomicUsize::new(0));
        // Every signal whose default ends the program: the state is saved and the terminal
        // put back first, then the signal does what it would have done.
        use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM] {
            signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));

        enter(explicit_bidi)?;
        let finished = Arc::new(AtomicBool::new(false));
        watchdog(Arc::clone(&signal), Arc::clone(&finished));
        Ok(TerminalSession { signal, finished, explicit_bidi })
    }

    /// Ctrl-Z: give the terminal back as it was, stop the process as the shell expects (job
    /// control), and when the shell continues it (`fg`), take the terminal again. The caller
    /// redraws everything afterwards.
    pub fn suspend(&self) -> io::Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        // Here the process has been continued.
        enter(self.explicit_bidi)
    }

    /// Wait for the next terminal event or a signal, or a moment without either.
    pub fn next(&self) -> io::Result<Wake> {
        self.next_within(SIGNAL_POLL)
    }

    /// [`TerminalSession::next`], waiting at most `wait` (at most the signal poll's moment):
    /// for a caller that also waits for work done on another thread.
    pub fn next_within(&self, wait: Duration) -> io::Result<Wake> {
        let sig = self.signal.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Wake::Signal(sig as i32));
        }
        if event::poll(wait.min(SIGNAL_POLL))? {
            return Ok(Wake::Event(event::read()?));
        }
        Ok(Wake::Tick)
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        self.finished.store(true, Ordering::SeqCst);
        restore();
    }
}

/// Start the watchdog: when a signal has waited longer than the grace period, or the terminal
/// has gone (standard input or output was a terminal and no longer is), restore what can be
/// restored and end the process as the signal (SIGHUP for a lost terminal) would.
fn watchdog(signal: Arc<AtomicUsize>, finished: Arc<AtomicBool>) {
    let was_terminal = (io::stdin().is_terminal(), io::stdout().is_terminal());
    std::thread::spawn(move || {
        let mut waited = Duration::ZERO;
        while !finished.load(Ordering::SeqCst) {
            std::thread::sleep(WATCHDOG_PERIOD);
            let lost = (was_terminal.0 && !io::stdin().is_terminal())
                || (was_terminal.1 && !io::stdout().is_terminal());
            let sig = signal.load(Ordering::SeqCst) as i32;
            if sig != 0 {
                waited += WATCHDOG_PERIOD;
            }
            if lost || (sig != 0 && waited >= WATCHDOG_GRACE) {
                if finished.load(Ordering::SeqCst) {
                    return;
                }
                restore();
                let sig = if sig != 0 { sig } else { signal_hook::consts::SIGHUP };
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        }
    });
}

/// Put the terminal in the reader's modes: raw mode, the alternate screen, no cursor, mouse
/// reporting, bracketed paste (so that pasted text comes as one paste, never as keys), and
/// (with `explicit_bidi`) explicit bidi.
fn enter(explicit_bidi: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide, EnableMouseCapture, EnableBracketedPaste)?;
    if explicit_bidi {
        out.write_all(EXPLICIT_BIDI.as_bytes())?;
        out.flush()?;
        SENT_BIDI.store(true, Ordering::SeqCst);
    }
    Ok(())
}

/// Put the terminal back as it was: bidi mode, paste, mouse, cursor, main screen, cooked mode. Safe to call
/// more than once and from a panic hook; only the first call does anything.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if SENT_BIDI.swap(false, Ordering::SeqCst) {
        let _ = out.write_all(IMPLICIT_BIDI.as_bytes());
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        cursor::Show,
        LeaveAlternateScreen
    );
    let _ = terminal::disable_raw_mode();
}

/// The crossterm backend, without ever asking the terminal where its cursor is: the reader
/// draws full screen with the cursor hidden, so the answer is never needed, and a terminal
/// that does not answer (a serial console, a recorder without a terminal behind it) would
/// otherwise stop the reader for two seconds and then end it with an error.
pub struct ReaderBackend(pub CrosstermBackend<io::Stdout>);

impl Backend for ReaderBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}
