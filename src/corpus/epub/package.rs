//! An EPUB's package: `META-INF/container.xml` names the package file (OPF), whose metadata
//! gives the book's title, language and page direction, whose manifest and spine give the
//! chapters in reading order, and whose navigation document (EPUB 3) or NCX (EPUB 2) gives
//! the chapters' names. `META-INF/encryption.xml` says whether the chapters are encrypted.

use std::collections::HashMap;

use roxmltree::{Document as Xml, Node};

use super::archive::{Archive, EntryError};
use super::xml::{parse, text_of};

/// The most bytes of a package, container, encryption or navigation file.
const MAX_PACKAGE_BYTES: u64 = 8 * 1024 * 1024;

/// The algorithms of font obfuscation (IDPF's and Adobe's): fonts mangled so that they are
/// not lifted out of the book, which is not DRM and leaves the text as it is.
const FONT_OBFUSCATION: [&str; 2] =
    ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"];

/// What is wrong with a package, in words for the sentence that names the book.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum PackageError {
    /// A file of the package is missing, damaged or not the XML it should be (the reason).
    Damaged(String),
    /// Chapters are encrypted with something other than font obfuscation.
    Protected,
}

/// What the package says about the book.
#[derive(Debug)]
pub(super) struct Package {
    /// The book's title (`dc:title`), when it has one.
    pub title: Option<String>,
    /// The book's language (`dc:language`), when it has one.
    pub language: Option<String>,
    /// Whether the spine says `page-progression-direction="rtl"`.
    pub rtl: bool,
    /// The chapters' entries in the archive, in spine order (non-linear items and the
    /// navigation document left out).
    pub chapters: Vec<String>,
    /// The table of contents' name of each entry it names (the first name of an entry named
    /// twice), by the entry's path in the archive.
    pub names: HashMap<String, String>,
}

impl Package {
    /// Read the package of the book in `archive`.
    pub(super) fn read(archive: &mut Archive) -> Result<Package, PackageError> {
        let container = entry_text(archive, "META-INF/container.xml")?;
        let container = parse(&container).map_err(|e| damaged("META-INF/container.xml", &e))?;
        let opf_path = container
            .descendants()
            .find(|n| n.has_tag_name("rootfile"))
            .and_then(|n| n.attribute("full-path"))
            .ok_or_else(|| PackageError::Damaged("its container names no package file".into()))?;
        let opf_path = unescape_href(opf_path);
        let opf_text = entry_text(archive, &opf_path)?;
        let opf = parse(&opf_text).map_err(|e| damaged(&opf_path, &e))?;
        let mut package = from_opf(&opf, &opf_path);
        let encrypted = encrypted_entries(archive)?;
        if package.chapters.iter().any(|c| encrypted.contains(c)) {
            return Err(PackageError::Protected);
        }
        package.names = toc_names(archive, &opf, &opf_path);
        Ok(package)
    }
}

/// The package as the OPF at `opf_path` gives it, without the table of contents' names.
fn from_opf(opf: &Xml, opf_path: &str) -> Package {
    let find = |name: &str| opf.descendants().find(|n| n.tag_name().name() == name);
    let title = find("title").map(text_of).filter(|t| !t.is_empty());
    let language = find("language").map(text_of).filter(|t| !t.is_empty());
    let spine = find("spine");
    let rtl = spine.and_then(|s| s.attribute("page-progression-direction")) == Some("rtl");
    let items = manifest(opf);
    let chapters = spine
        .into_iter()
        .flat_map(|s| s.children().filter(|n| n.has_tag_name("itemref")))
        .filter(|r| r.attribute("linear") != Some("no"))
        .filter_map(|r| items.get(r.attribute("idref")?))
        .filter(|item| !item.properties.split_whitespace().any(|p| p == "nav"))
        .filter(|item| item.media_type.contains("html"))
        .map(|item| resolve(opf_path, &item.href))
        .collect();
    Package { title, language, rtl, chapters, names: HashMap::new() }
}

/// One item of the manifest.
struct Item {
    /// Its address, relative to the OPF.
    href: String,
    /// Its media type.
    media_type: String,
    /// Its properties (`nav`, `cover-image`…), separated by spaces.
    properties: String,
}

/// The manifest's items by id.
fn manifest(opf: &Xml) -> HashMap<String, Item> {
    let items = opf.descendants().filter(|n| n.has_tag_name("item"));
    items
        .filter_map(|n| {
            let item = Item {
                href: n.attribute("href")?.to_owned(),
                media_type: n.attribute("media-type").unwrap_or_default().to_owned(),
                properties: n.attribute("properties").unwrap_or_default().to_owned(),
            };
            Some((n.attribute("id")?.to_owned(), item))
        })
        .collect()
}

/// The entries `META-INF/encryption.xml` says are encrypted other than by font obfuscation.
fn encrypted_entries(archive: &mut Archive) -> Result<Vec<String>, PackageError> {
    const NAME: &str = "META-INF/encryption.xml";
    if !archive.has(NAME) {
        return Ok(Vec::new());
    }
    let text = entry_text(archive, NAME)?;
    let xml = parse(&text).map_err(|e| damaged(NAME, &e))?;
    let encrypted = xml.descendants().filter(|n| n.tag_name().name() == "EncryptedData");
    Ok(encrypted
        .filter(|data| {
            let method = child(*data, "EncryptionMethod").and_then(|m| m.attribute("Algorithm"));
            !method.is_some_and(|m| FONT_OBFUSCATION.contains(&m))
        })
        .filter_map(|data| {
            let uri = data.descendants().find(|n| n.tag_name().name() == "CipherReference")?;
            Some(unescape_href(uri.attribute("URI")?))
        })
        .collect())
}

/// The first child element of `node` named `name` (any namespace).
fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.tag_name().name() == name)
}

/// The names the table of contents gives the entries: the EPUB 3 navigation document's
/// `toc` list, else the EPUB 2 NCX. A table of contents that cannot be read gives none: the
/// chapters are then named by their headings.
fn toc_names(archive: &mut Archive, opf: &Xml, opf_path: &str) -> HashMap<String, String> {
    let items = manifest(opf);
    let nav = items.values().find(|i| i.properties.split_whitespace().any(|p| p == "nav"));
    let ncx_id =
        opf.descendants().find(|n| n.has_tag_name("spine")).and_then(|s| s.attribute("toc"));
    let ncx = ncx_id
        .and_then(|id| items.get(id))
        .or_else(|| items.values().find(|i| i.media_type == "application/x-dtbncx+xml"));
    let (file, is_nav) = match (nav, ncx) {
        (Some(nav), _) => (resolve(opf_path, &nav.href), true),
        (None, Some(ncx)) => (resolve(opf_path, &ncx.href), false),
        (None, None) => return HashMap::new(),
    };
    let Ok(text) = entry_text(archive, &file) else { return HashMap::new() };
    let Ok(xml) = parse(&text) else { return HashMap::new() };
    let mut names = HashMap::new();
    let mut name = |href: &str, label: String| {
        let target = resolve(&file, href.split('#').next().unwrap_or_default());
        if !label.is_empty() {
            names.entry(target).or_insert(label);
        }
    };
    if is_nav {
        let toc = xml.descendants().find(|n| {
            n.tag_name().name() == "nav"
                && n.attributes().any(|a| a.name() == "type" && a.value().contains("toc"))
        });
        for link in toc.into_iter().flat_map(|t| t.descendants()).filter(|n| n.has_tag_name("a")) {
            if let Some(href) = link.attribute("href") {
                name(href, text_of(link));
            }
        }
    } else {
        for point in xml.descendants().filter(|n| n.tag_name().name() == "navPoint") {
            let label = child(point, "navLabel").and_then(|l| child(l, "text")).map(text_of);
            let src = child(point, "content").and_then(|c| c.attribute("src"));
            if let (Some(label), Some(src)) = (label, src) {
                name(src, label);
            }
        }
    }
    names
}

/// The text of the entry `name`, as UTF-8 (package files are UTF-8 or UTF-16 by the XML
/// rules; a byte-order mark is honoured).
pub(super) fn entry_text(archive: &mut Archive, name: &str) -> Result<String, PackageError> {
    match archive.read(name, MAX_PACKAGE_BYTES) {
        Ok(bytes) => Ok(super::xml::decode(&bytes)),
        Err(EntryError::Missing) => Err(PackageError::Damaged(format!("it has no {name}"))),
        Err(EntryError::TooLarge) => {
            Err(PackageError::Damaged(format!("its {name} is larger than a package file is")))
        }
        Err(EntryError::Damaged(why)) => Err(PackageError::Damaged(format!("{name}: {why}"))),
    }
}

/// A package file that is not well-formed XML, in words.
fn damaged(name: &str, e: &roxmltree::Error) -> PackageError {
    PackageError::Damaged(format!("{name}: {e}"))
}

/// The archive path of `href`, written relative to the entry `base`: percent escapes decoded,
/// `.` and `..` steps taken (never above the archive's top).
pub(super) fn resolve(base: &str, href: &str) -> String {
    let href = unescape_href(href);
    let mut parts: Vec<&str> = match base.rfind('/') {
        Some(end) => base[..end].split('/').collect(),
        None => Vec::new(),
    };
    if href.starts_with('/') {
        parts.clear();
    }
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// `href` with its percent escapes (`%20`) decoded; an escape that is not one is kept.
fn unescape_href(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[at], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_resolved_against_the_file_that_writes_them() {
        assert_eq!(resolve("OEBPS/content.opf", "text/ch%201.xhtml"), "OEBPS/text/ch 1.xhtml");
        assert_eq!(resolve("OEBPS/text/nav.xhtml", "../text/ch1.xhtml"), "OEBPS/text/ch1.xhtml");
        assert_eq!(resolve("content.opf", "./a.xhtml"), "a.xhtml");
        assert_eq!(resolve("a/b.opf", "../../../x.xhtml"), "x.xhtml");
    }
}
