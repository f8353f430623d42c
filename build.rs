//! A fingerprint of the program's sources, given to the build as `BASIRA_SOURCES`: the caches
//! put it in their keys, so that a file written by another build (the same version built from
//! other sources) is never read for an analysis or a parse that may now come out otherwise.

use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    for root in ["src", "assets"] {
        println!("cargo::rerun-if-changed={root}");
        list(Path::new(root), &mut files);
    }
    println!("cargo::rerun-if-changed=Cargo.lock");
    files.push(PathBuf::from("Cargo.lock"));
    files.sort();
    // Stable within one compiler, which is all a cache written by this build needs.
    let mut hash = DefaultHasher::new();
    for file in &files {
        file.hash(&mut hash);
        fs::read(file).unwrap_or_default().hash(&mut hash);
    }
    println!("cargo::rustc-env=BASIRA_SOURCES={:016x}", hash.finish());
}

/// Every file under `dir`, recursively.
fn list(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            list(&path, files);
        } else {
            files.push(path);
        }
    }
}
