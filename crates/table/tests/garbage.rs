//! Whatever the bytes, reading ends in rows, errors or one file error: never a panic.

use xueshi_table::{read, template_csv, template_xlsx, Lang, Options};

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(base: &[u8], rng: &mut Lcg) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for _ in 0..1 + rng.below(8) {
        let i = rng.below(bytes.len());
        match rng.below(4) {
            0 => bytes[i] = rng.next() as u8,
            1 => {
                let specials = b"\",\n\r;\t\xEF\x00=-";
                bytes.insert(i, specials[rng.below(specials.len())]);
            }
            2 => {
                bytes.remove(i);
            }
            _ => bytes.truncate(i),
        }
        if bytes.is_empty() {
            break;
        }
    }
    bytes
}

#[test]
fn mutated_csv_never_panics() {
    let base = template_csv(Lang::Zh);
    let mut rng = Lcg(1);
    for _ in 0..3000 {
        let _ = read(&mutate(&base, &mut rng), &Options::default());
    }
}

#[test]
fn mutated_xlsx_never_panics() {
    let base = template_xlsx(Lang::Zh).expect("template");
    let mut rng = Lcg(2);
    for _ in 0..400 {
        let _ = read(&mutate(&base, &mut rng), &Options::default());
    }
}

#[test]
fn random_text_never_panics() {
    let mut rng = Lcg(3);
    let pieces = ["person", "kind", "date", "学时", "培训", ",", "\n", "\"", "2024-02-29", "45352", "1e308", "-0", "是", "\u{3000}", "＝"];
    for _ in 0..2000 {
        let mut text = String::from("person,kind,date,hours,authors,presentedPaper,level,开始时间,结束时间\n");
        for _ in 0..rng.below(200) {
            text.push_str(pieces[rng.below(pieces.len())]);
        }
        let _ = read(text.as_bytes(), &Options::default());
    }
}

/// The workbook's parts unpacked, so that mutations hit the XML rather than a checksum.
fn parts(xlsx: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut content = Vec::new();
            file.read_to_end(&mut content).expect("read");
            (file.name().expect("name").to_string(), content)
        })
        .collect()
}

fn pack(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in parts {
        zip.start_file(name.as_str(), stored).expect("zip");
        zip.write_all(content).expect("zip");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

#[test]
fn mutated_workbook_xml_never_panics() {
    let base = parts(&template_xlsx(Lang::Zh).expect("template"));
    assert!(read(&pack(&base), &Options::default()).is_ok());
    let mut rng = Lcg(4);
    for _ in 0..600 {
        let mut p = base.clone();
        let i = rng.below(p.len());
        if let Some((_, content)) = p.get_mut(i) {
            *content = mutate(content, &mut rng);
        }
        let _ = read(&pack(&p), &Options::default());
    }
}
