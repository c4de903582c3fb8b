//! How fast tables are read: `cargo test --release --test timing -- --ignored --nocapture`.
//! It prints rows per second; it asserts no time (machines differ).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use xueshi_table::{open, read, Options, Record};

/// Counts the bytes in use, to tell what a table of rows holds.
struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

const ROWS: usize = 100_000;
const KINDS: [&str; 5] = ["培训", "论文", "学术会议", "援派", "其他"];

fn cells(i: usize) -> [String; 8] {
    let kind = KINDS[i % KINDS.len()];
    let day = 1 + i % 28;
    [
        format!("{}", 650_000 + i / 20),
        "张三".to_owned(),
        kind.to_owned(),
        format!("2024/{}/{day}", 1 + i % 12),
        format!("第{i}项继续教育活动"),
        if kind == "培训" || kind == "其他" { format!("{}", i % 40) } else { String::new() },
        if kind == "论文" { "国家级".to_owned() } else { String::new() },
        if kind == "论文" {
            "3".to_owned()
        } else if kind == "援派" {
            "6".to_owned()
        } else {
            String::new()
        },
    ]
}

const HEADER: [&str; 8] = ["人员编号", "姓名", "类型", "日期", "名称", "学时", "刊物级别", "作者人数"];

fn csv_file() -> Vec<u8> {
    let mut text = format!("\u{FEFF}{}\r\n", HEADER.join(","));
    for i in 0..ROWS {
        let c = cells(i);
        // The month-column holds either 作者人数 or 月数 by kind: keep the columns fixed.
        text.push_str(&c.join(","));
        text.push_str("\r\n");
    }
    text.into_bytes()
}

fn xlsx_file() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("cell");
    }
    for i in 0..ROWS {
        let r = i as u32 + 1;
        for (c, v) in cells(i).iter().enumerate() {
            match (c, v.parse::<f64>()) {
                (3, _) => {
                    let d = ExcelDateTime::from_ymd(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8).expect("date");
                    sheet.write_datetime_with_format(r, 3, &d, &date).expect("cell")
                }
                (_, Ok(x)) => sheet.write_number(r, c as u16, x).expect("cell"),
                _ if v.is_empty() => sheet,
                _ => sheet.write_string(r, c as u16, v).expect("cell"),
            };
        }
    }
    book.save_to_buffer().expect("workbook")
}

fn report(what: &str, bytes: usize, rows: usize, seconds: f64) {
    println!("{what}: {rows} rows, {:.1} MB in {seconds:.3} s = {:.0} rows/s", bytes as f64 / 1e6, rows as f64 / seconds);
}

/// The best of three runs: the machine is shared, and the best is the least disturbed.
fn best<T>(mut run: impl FnMut() -> T) -> (T, f64) {
    let mut fastest = f64::INFINITY;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        out = Some(run());
        fastest = fastest.min(start.elapsed().as_secs_f64());
    }
    (out.expect("ran"), fastest)
}

#[test]
#[ignore]
fn rows_per_second() {
    let csv = csv_file();
    let (streamed, s) = best(|| open(&csv[..], &Options::default()).expect("header").filter(|r| matches!(r, Ok(Record::Row(_)))).count());
    report("CSV streamed", csv.len(), streamed, s);
    let (t, s) = best(|| read(&csv, &Options::default()).expect("csv"));
    report("CSV read whole", csv.len(), t.rows.len(), s);
    let before = IN_USE.load(Ordering::Relaxed);
    let held = read(&csv, &Options::default()).expect("csv");
    println!("a Table holds about {} bytes a row", (IN_USE.load(Ordering::Relaxed) - before) / held.rows.len());
    drop(held);
    assert_eq!(t.errors.len(), 0, "{:?}", t.errors.first());

    let xlsx = xlsx_file();
    let (t, s) = best(|| read(&xlsx, &Options::default()).expect("xlsx"));
    report("xlsx read whole", xlsx.len(), t.rows.len(), s);
    assert_eq!((t.rows.len(), t.errors.len()), (ROWS, 0), "{:?}", t.errors.first());
}
