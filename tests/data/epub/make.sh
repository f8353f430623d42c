#!/bin/sh
# Rebuild the e-book fixtures from source/ (needs Debian's pandoc and zip). The article text
# is from the ANT news corpus (Apache-2.0); see README.md.
set -eu
cd "$(dirname "$0")"
here=$(pwd)
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000

# 1. pandoc, EPUB 3: three articles as chapters, language ar, no page direction; quotes
#    left as the articles have them (no "smart" curly quotes).
(cd source/pandoc && pandoc -f markdown-smart metadata.yaml 1-putin.md 2-muhallab.md 3-freeman.md \
    -o "$here/ant-pandoc.epub")

# 1b. pandoc: a book that prints one article twice (an anthology's reprint), for links.
(cd source/pandoc && pandoc -f markdown-smart metadata.yaml 1-putin.md 1-putin.md \
    -o "$here/twice.epub")

# 2. By hand, EPUB 2: an OPF and an NCX written as a user would, right to left, a cover, an
#    image, a hidden paragraph, a script, an obfuscated font, a non-linear appendix.
build() { # out.epub folder
    rm -f "$1"
    (cd "$2" && zip -X0q "$here/$1" mimetype && zip -X9rq "$here/$1" META-INF OEBPS)
}
build ant-handmade-rtl.epub source/handmade

# 3. Damaged: the handmade book cut in half.
head -c "$(($(wc -c < ant-handmade-rtl.epub) / 2))" ant-handmade-rtl.epub > damaged.epub

# 4. DRM: the same book with its chapters listed as AES-encrypted in encryption.xml.
tmp=$(mktemp -d)
cp -r source/handmade/. "$tmp"
cat > "$tmp/META-INF/encryption.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
            xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
    <enc:CipherData><enc:CipherReference URI="OEBPS/text/spurs.xhtml"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>
XML
build drm.epub "$tmp"

# 5. A zip bomb: a 50 MB chapter that deflates to some 50 KB.
cp -r source/handmade/. "$tmp"
{
    printf '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>'
    head -c 52428800 /dev/zero | tr '\0' 'a'
    printf '</p></body></html>'
} > "$tmp/OEBPS/text/spurs.xhtml"
build bomb.epub "$tmp"

# 6. A chapter of 100,000 nested elements around one paragraph.
cp -r source/handmade/. "$tmp"
{
    printf '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
    i=0; while [ $i -lt 1000 ]; do printf '<div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div>'; i=$((i + 1)); done
    printf '<p>فقرة في أعماق الفصل.</p>'
    i=0; while [ $i -lt 100000 ]; do printf '</div>'; i=$((i + 1)); done
    printf '</body></html>'
} > "$tmp/OEBPS/text/spurs.xhtml"
build deep.epub "$tmp"
rm -rf "$tmp"
