//! EASC: ROUGE-1 F of basira's key points against five human summaries per article, beside
//! the lead baseline, from the scorer in `../shared/bench/easc-rouge` (run with this build's
//! binary).

use std::process::Command;

use super::table::Table;

/// The scorer, from the package's folder.
const SCORER: &str = "../shared/bench/easc-rouge";

/// Run the scorer and add its ROUGE-1 F for basira and for lead.
pub fn measure(table: &mut Table) {
    let command =
        format!("{} keypoints --json --words {{words}} {{file}}", env!("CARGO_BIN_EXE_basira"));
    let output = match Command::new("python3").arg(SCORER).arg("--cmd").arg(&command).output() {
        Ok(output) if output.status.success() => output,
        _ => {
            table.single("EASC ROUGE-1 F", "≥ lead", format!("not measured: {SCORER} did not run"));
            return;
        }
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let f1 = |system: &str| rouge_1_f(&text, system).map_or("?".to_string(), |f| format!("{f:.3}"));
    table.single(
        "EASC ROUGE-1 F (153 articles)",
        "≥ lead",
        format!("{} (lead {}, TextRank {})", f1("candidate"), f1("lead"), f1("textrank")),
    );
}

/// The ROUGE-1 F of a system in the scorer's table: the row that starts with its name, whose
/// second number is the F.
fn rouge_1_f(output: &str, system: &str) -> Option<f64> {
    output.lines().find_map(|line| {
        let mut cells = line.split(['|', ' ', '\t']).filter(|c| !c.is_empty());
        (cells.next()? == system).then_some(())?;
        let numbers: Vec<f64> = cells.filter_map(|c| c.parse().ok()).collect();
        numbers.get(1).copied()
    })
}
