//! The bench's one table: a row per measure, with its goal and its value on each half.

/// The rows measured so far.
#[derive(Default)]
pub struct Table {
    rows: Vec<[String; 4]>,
}

impl Table {
    /// A measure with its goal, its value on the tuning half and on the held-out half.
    pub fn row(&mut self, what: &str, goal: &str, tune: String, held_out: String) {
        self.rows.push([what.to_string(), goal.to_string(), tune, held_out]);
    }

    /// A measure with one value (the whole set).
    pub fn single(&mut self, what: &str, goal: &str, value: String) {
        self.row(what, goal, value, String::new());
    }

    /// The table in Markdown, columns padded.
    pub fn print(&self) {
        let head = ["measure", "goal", "tuning half", "held-out half"].map(String::from);
        let all: Vec<&[String; 4]> = std::iter::once(&head).chain(&self.rows).collect();
        let width = |c: usize| all.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
        let widths = [width(0), width(1), width(2), width(3)];
        let line = |r: &[String; 4]| {
            let cells: Vec<String> = (0..4)
                .map(|c| format!("{}{}", r[c], " ".repeat(widths[c] - r[c].chars().count())))
                .collect();
            println!("| {} |", cells.join(" | "));
        };
        println!();
        line(&head);
        println!("|{}|", widths.map(|w| "-".repeat(w + 2)).join("|"));
        for row in &self.rows {
            line(row);
        }
    }
}

/// `part` of `all` as a percentage with its counts, «62% (31/50)».
pub fn share(part: usize, all: usize) -> String {
    if all == 0 {
        return "–".to_string();
    }
    format!("{:.0}% ({part}/{all})", 100.0 * part as f64 / all as f64)
}
