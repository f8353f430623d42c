//! The terminal while the reader runs: raw mode, the alternate screen, mouse reporting,
//! explicit bidi, and putting all of it back on exit, on panic, on every signal whose
//! default ends the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM),
//! and on an abort (SIGABRT: memory that could not be had, say), which runs no panic hook and
//! ends the process from inside its signal handler. A SIGTSTP from outside stops the reader
//! as Ctrl-Z does (the terminal given back first), and a SIGCONT after an outside SIGSTOP
//! takes the terminal again.
//!
//! The area drawn is at most [`MAX_COLUMNS`] × [`MAX_ROWS`], whatever size the terminal says
//! it has: a screen is two grids of cells, and a terminal that says 65535 × 65535 would ask
//! for hundreds of gigabytes.
//!
//! A watchdog thread covers the cases the event loop cannot see: a terminal that went away
//! without a SIGHUP (a closed tmux pane leaves reads returning end-of-file, on which the
//! terminal library spins), and a signal that arrives while the loop is stuck. It waits a
//! moment for the loop to finish by itself, then restores the terminal and ends the process.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, EnableBracketedPaste, EnableMouseCapture, Event};
use crossterm::terminal::{self, Clear, ClearType as ClearKind, EnterAlternateScreen};
use crossterm::{cursor, execute, queue};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use unicode_width::UnicodeWidthChar;

/// ECMA-48 BDSM reset (explicit mode: the terminal does no bidi) and SCP 1 (left-to-right
/// presentation, so that a terminal like VTE does not mirror whole rows).
const EXPLICIT_BIDI: &str = "\x1b[8l\x1b[1 k";
/// BDSM set (implicit mode, the usual default) and SCP 0 (default presentation).
const IMPLICIT_BIDI: &str = "\x1b[0 k\x1b[8h";

/// What puts back the modes [`enter`] sets, but bidi: bracketed paste and mouse reporting
/// off (crossterm's `DisableBracketedPaste` and `DisableMouseCapture`), the cursor shown, the
/// main screen. Kept as bytes so that the abort handler can write them without allocating.
const LEAVE: &str =
    "\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?25h\x1b[?1049l";

/// The widest area drawn, in columns: wider than any screen shows.
pub const MAX_COLUMNS: u16 = 640;
/// The tallest area drawn, in rows.
pub const MAX_ROWS: u16 = 320;

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
    /// SIGTSTP from outside: stop as Ctrl-Z does ([`TerminalSession::suspend`]).
    Suspend,
    /// The process was continued after being stopped from outside: the terminal has been
    /// taken again, and the screen must be drawn anew.
    Resumed,
}

/// The terminal set up for the reader. Dropping it restores the terminal.
pub struct TerminalSession {
    signal: Arc<AtomicUsize>,
    /// Set by SIGTSTP.
    stop: Arc<AtomicBool>,
    /// Set by SIGCONT.
    continued: Arc<AtomicBool>,
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
        let (stop, continued) =
            (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&stop))?;
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&continued))?;
        #[cfg(unix)]
        abort::register()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));

        enter(explicit_bidi)?;
        let finished = Arc::new(AtomicBool::new(false));
        watchdog(Arc::clone(&signal), Arc::clone(&finished));
        Ok(TerminalSession { signal, stop, continued, finished, explicit_bidi })
    }

    /// Ctrl-Z: give the terminal back as it was, stop the process as the shell expects (job
    /// control), and when the shell continues it (`fg`), take the terminal again. The caller
    /// redraws everything afterwards.
    pub fn suspend(&self) -> io::Result<()> {
        restore();
        // SIGTSTP's default, stopping the process (SIGTSTP itself would only reach the
        // handler that asked for this).
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
        // Here the process has been continued; the SIGCONT that did it is answered here.
        self.continued.store(false, Ordering::SeqCst);
        enter(self.explicit_bidi)
    }

    /// Wait for the next terminal event or a signal, or a moment without either: at most
    /// `wait`, and at most the signal poll's moment (a caller may also wait for work done on
    /// another thread).
    pub fn next_within(&self, wait: Duration) -> io::Result<Wake> {
        let sig = self.signal.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Wake::Signal(sig as i32));
        }
        if self.stop.swap(false, Ordering::SeqCst) {
            return Ok(Wake::Suspend);
        }
        if self.continued.swap(false, Ordering::SeqCst) {
            // Stopped from outside (SIGSTOP), the shell may have put the terminal back in its
            // own modes meanwhile.
            enter(self.explicit_bidi)?;
            return Ok(Wake::Resumed);
        }
        if event::poll(wait.min(SIGNAL_POLL))? {
            return Ok(Wake::Event(event::read()?));
        }
        Ok(Wake::Tick)
    }

    /// [`TerminalSession::next_within`], then every event already waiting behind it: the
    /// reader handles them all before it draws again, so that a held key's repeats are drawn
    /// once, not once each.
    pub fn next_batch(&self, wait: Duration) -> io::Result<Vec<Wake>> {
        let mut batch = vec![self.next_within(wait)?];
        while matches!(batch[0], Wake::Event(_)) && event::poll(Duration::ZERO)? {
            batch.push(Wake::Event(event::read()?));
        }
        Ok(batch)
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
    let _ = out.write_all(LEAVE.as_bytes());
    let _ = out.flush();
    let _ = terminal::disable_raw_mode();
}

/// Putting the terminal back from the handler of SIGABRT, where only what is safe in a
/// signal handler may be done: the bytes of [`LEAVE`] written with `write(2)`, and the
/// terminal's settings from before raw mode set again with `tcsetattr(3)`.
#[cfg(unix)]
mod abort {
    use std::sync::OnceLock;
    use std::sync::atomic::Ordering;

    use super::{ACTIVE, IMPLICIT_BIDI, LEAVE, SENT_BIDI};

    /// The terminal's descriptor and its settings before raw mode.
    struct Cooked {
        fd: libc::c_int,
        settings: libc::termios,
    }

    /// Saved when the handler is registered, before raw mode.
    static COOKED: OnceLock<Cooked> = OnceLock::new();

    /// Save the terminal's settings and register the handler. The terminal is the one raw
    /// mode is set on: standard input when it is a terminal, else `/dev/tty`.
    pub fn register() -> std::io::Result<()> {
        if COOKED.get().is_none() {
            // SAFETY: isatty, open and tcgetattr are given a descriptor, a NUL-terminated
            // path and a termios owned here.
            unsafe {
                let fd = if libc::isatty(libc::STDIN_FILENO) == 1 {
                    libc::STDIN_FILENO
                } else {
                    libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_NOCTTY)
                };
                let mut settings: libc::termios = std::mem::zeroed();
                if fd >= 0 && libc::tcgetattr(fd, &mut settings) == 0 {
                    let _ = COOKED.set(Cooked { fd, settings });
                }
            }
        }
        // SAFETY: the action does only what is safe in a signal handler (see the module).
        unsafe { signal_hook::low_level::register(signal_hook::consts::SIGABRT, on_abort) }?;
        Ok(())
    }

    /// The handler: the terminal put back if the reader has it; then the process ends as the
    /// signal's default does (an `abort()` would raise it again by itself, a `kill -ABRT`
    /// from outside would not).
    fn on_abort() {
        let had_terminal = ACTIVE.swap(false, Ordering::SeqCst);
        // SAFETY: write, tcsetattr, signal and raise are async-signal-safe; the buffers are
        // static. The signal raised here waits until this handler returns.
        unsafe {
            if had_terminal {
                put_back();
            }
            libc::signal(libc::SIGABRT, libc::SIG_DFL);
            libc::raise(libc::SIGABRT);
        }
    }

    /// Write [`LEAVE`] (and the bidi reset) and set the saved settings again.
    ///
    /// # Safety
    /// Only async-signal-safe calls, so it may run in a signal handler.
    unsafe fn put_back() {
        unsafe {
            if SENT_BIDI.load(Ordering::SeqCst) {
                libc::write(
                    libc::STDOUT_FILENO,
                    IMPLICIT_BIDI.as_ptr().cast(),
                    IMPLICIT_BIDI.len(),
                );
            }
            libc::write(libc::STDOUT_FILENO, LEAVE.as_ptr().cast(), LEAVE.len());
            if let Some(cooked) = COOKED.get() {
                libc::tcsetattr(cooked.fd, libc::TCSANOW, &cooked.settings);
            }
        }
    }
}

/// `size`, at most [`MAX_COLUMNS`] × [`MAX_ROWS`]: the size of the area drawn in a
/// terminal of `size`.
pub fn capped(size: Size) -> Size {
    Size { width: size.width.min(MAX_COLUMNS), height: size.height.min(MAX_ROWS) }
}

/// The bytes of one frame, kept until the frame is complete and then written to `out` in
/// one write. A frame cut short (by a panic while drawing it) is dropped with the writer,
/// never written after the terminal has been restored.
pub struct FrameWriter<W: Write> {
    out: W,
    frame: Vec<u8>,
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let written = self.out.write_all(&self.frame);
        self.frame.clear();
        written?;
        self.out.flush()
    }
}

/// The crossterm backend as the reader uses it:
///
/// - Its output is written once a frame ([`FrameWriter`]), and a frame that changes nothing
///   writes nothing.
/// - The terminal's size is asked once and then kept: the loop gives it the new size on a
///   resize event ([`ReaderBackend::set_size`]).
/// - A row that held combining marks (harakat) is cleared and drawn again whole when it
///   changes, and so are the rows above and below it: in some terminals (xterm with DejaVu
///   Sans Mono) the ink of harakat spills into the neighbouring rows, where it stays until
///   those rows are painted again, and drawing only the cells that changed would leave it.
/// - It never asks the terminal where its cursor is: the reader draws full screen with the
///   cursor hidden, so the answer is never needed, and a terminal that does not answer (a
///   serial console, a recorder without a terminal behind it) would otherwise stop the
///   reader for two seconds and then end it with an error.
pub struct ReaderBackend<W: Write> {
    inner: CrosstermBackend<FrameWriter<W>>,
    size: Size,
    /// What the terminal shows, as far as this backend has drawn it.
    shown: Buffer,
    cursor_hidden: bool,
}

impl ReaderBackend<io::Stdout> {
    /// The backend on standard output, of the terminal's present size.
    pub fn stdout() -> io::Result<Self> {
        let (width, height) = terminal::size()?;
        Ok(ReaderBackend::new(io::stdout(), Size { width, height }))
    }
}

impl<W: Write> ReaderBackend<W> {
    /// The backend writing to `out`, a terminal of `size` that shows nothing yet.
    pub fn new(out: W, size: Size) -> Self {
        let size = capped(size);
        ReaderBackend {
            inner: CrosstermBackend::new(FrameWriter { out, frame: Vec::new() }),
            size,
            shown: Buffer::empty(Rect::from((Position::ORIGIN, size))),
            cursor_hidden: false,
        }
    }

    /// The terminal's new size, from a resize event (the next frame clears the screen).
    pub fn set_size(&mut self, size: Size) {
        self.size = capped(size);
    }
}

/// Whether a cell holds a combining mark (a haraka), whose ink may reach the next rows.
fn has_marks(cell: &Cell) -> bool {
    cell.symbol().chars().any(|c| UnicodeWidthChar::width(c) == Some(0))
}

impl<W: Write> Backend for ReaderBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let area = self.shown.area;
        let mut next = self.shown.clone();
        let mut changed = vec![false; usize::from(area.height)];
        for (x, y, cell) in content {
            if area.contains(Position { x, y }) {
                next[(x, y)] = cell.clone();
                changed[usize::from(y)] = true;
            }
        }
        if !changed.contains(&true) {
            return Ok(());
        }
        let mut repaint = vec![false; changed.len()];
        for y in (0..area.height).filter(|&y| changed[usize::from(y)]) {
            if (0..area.width).any(|x| has_marks(&self.shown[(x, y)])) {
                let below = usize::from(y + 1).min(repaint.len() - 1);
                repaint[usize::from(y).saturating_sub(1)..=below].fill(true);
            }
        }
        for y in (0..area.height).filter(|&y| repaint[usize::from(y)]) {
            queue!(self.inner, cursor::MoveTo(0, y), Clear(ClearKind::CurrentLine))?;
            for x in 0..area.width {
                self.shown[(x, y)].reset();
            }
        }
        self.inner.draw(self.shown.diff(&next).into_iter())?;
        self.shown = next;
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_hidden {
            queue!(self.inner, cursor::Hide)?;
            self.cursor_hidden = true;
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.cursor_hidden = false;
        queue!(self.inner, cursor::Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        queue!(self.inner, cursor::MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    /// Only the whole screen is cleared (the reader's terminal is full screen, and ratatui
    /// clears it all on a resize and on [`ratatui::Terminal::clear`]); any other clear
    /// clears it all too.
    fn clear_region(&mut self, _: ClearType) -> io::Result<()> {
        self.shown = Buffer::empty(Rect::from((Position::ORIGIN, self.size)));
        // After a suspension the terminal shows the cursor again.
        self.cursor_hidden = false;
        queue!(self.inner, Clear(ClearKind::All))
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.inner.window_size()?;
        Ok(WindowSize { columns_rows: capped(size.columns_rows), pixels: size.pixels })
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crossterm::Command;
    use crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
    use crossterm::terminal::LeaveAlternateScreen;
    use ratatui::Terminal;
    use ratatui::style::Style;

    /// An output that keeps each write apart, shared with the test.
    #[derive(Clone, Default)]
    struct Writes(Rc<RefCell<Vec<Vec<u8>>>>);

    impl Write for Writes {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().push(bytes.to_vec());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A terminal on a [`ReaderBackend`], and what it is sent.
    struct Screen {
        terminal: Terminal<ReaderBackend<Writes>>,
        writes: Writes,
    }

    /// A terminal of 12 × 5 that shows nothing yet.
    fn screen() -> Screen {
        let writes = Writes::default();
        let size = Size { width: 12, height: 5 };
        let terminal = Terminal::new(ReaderBackend::new(writes.clone(), size)).unwrap();
        Screen { terminal, writes }
    }

    /// Draw `rows` and return what the frame wrote, one entry a write.
    fn frame(screen: &mut Screen, rows: [&str; 5]) -> Vec<String> {
        screen
            .terminal
            .draw(|frame| {
                for (y, row) in (0..).zip(rows) {
                    frame.buffer_mut().set_string(0, y, row, Style::default());
                }
            })
            .unwrap();
        let writes = std::mem::take(&mut *screen.writes.0.borrow_mut());
        writes.into_iter().map(|w| String::from_utf8(w).unwrap()).collect()
    }

    /// The sequence that clears row `y` (counted from 0).
    fn clears_row(y: u16) -> String {
        format!("\x1b[{};1H\x1b[2K", y + 1)
    }

    #[test]
    fn a_frame_is_written_in_one_write_and_a_frame_that_changes_nothing_not_at_all() {
        let mut screen = screen();
        let rows = ["one", "two", "three", "four", "five"];
        let first = frame(&mut screen, rows);
        assert_eq!(first.len(), 1, "{first:?}");
        assert!(first[0].contains("three"), "{first:?}");
        assert_eq!(frame(&mut screen, rows), Vec::<String>::new());
    }

    #[test]
    fn a_changed_row_that_held_harakat_is_cleared_and_redrawn_with_its_neighbours() {
        let mut screen = screen();
        frame(&mut screen, ["one", "two", "كَتَبَ", "four", "five"]);
        let next = frame(&mut screen, ["one", "two", "قرأ", "four", "five"]).concat();
        for y in 1..=3 {
            assert!(next.contains(&clears_row(y)), "row {y} is cleared: {next:?}");
        }
        for y in [0, 4] {
            assert!(!next.contains(&clears_row(y)), "row {y} is left: {next:?}");
        }
        // The rows cleared are drawn again, unchanged ones too.
        assert!(next.contains("two") && next.contains("four"), "{next:?}");
        assert!(!next.contains("five"), "{next:?}");
    }

    #[test]
    fn a_changed_row_without_harakat_is_drawn_cell_by_cell() {
        let mut screen = screen();
        frame(&mut screen, ["one", "two", "كَتَبَ", "four", "five"]);
        let next = frame(&mut screen, ["one", "two", "كَتَبَ", "fort", "five"]).concat();
        assert!(!next.contains("\x1b[2K"), "no row is cleared: {next:?}");
        assert!(
            next.contains('r') && !next.contains("fo"),
            "only the cells that changed: {next:?}"
        );
    }

    #[test]
    fn the_size_is_the_one_last_given() {
        let mut screen = screen();
        screen.terminal.backend_mut().set_size(Size { width: 30, height: 8 });
        assert_eq!(screen.terminal.size().unwrap(), Size { width: 30, height: 8 });
        // The next frame clears the screen at the new size and draws all of it.
        let writes = frame(&mut screen, ["one", "two", "three", "four", "five"]).concat();
        assert!(writes.starts_with("\x1b[2J"), "{writes:?}");
        assert!(writes.contains("five"), "{writes:?}");
    }

    #[test]
    fn leaving_undoes_each_mode_entered_as_the_terminal_library_would() {
        let mut expected = String::new();
        DisableBracketedPaste.write_ansi(&mut expected).unwrap();
        DisableMouseCapture.write_ansi(&mut expected).unwrap();
        cursor::Show.write_ansi(&mut expected).unwrap();
        LeaveAlternateScreen.write_ansi(&mut expected).unwrap();
        assert_eq!(LEAVE, expected);
    }

    #[test]
    fn the_area_drawn_is_capped_whatever_the_terminal_says() {
        assert_eq!(capped(Size::new(65535, 65535)), Size::new(MAX_COLUMNS, MAX_ROWS));
        assert_eq!(capped(Size::new(200, 60)), Size::new(200, 60));
    }
}
