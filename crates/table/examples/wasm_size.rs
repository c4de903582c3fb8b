//! Not an API: a wasm module that keeps everything the crate offers alive, so that
//! `cargo build --release --target wasm32-unknown-unknown --example wasm_size` shows what
//! the reader and the writers add to a Web Worker's module (see README, "Size").

use xueshi_table::{read, template_csv, template_xlsx, xlsx_bytes, Lang, Options};

/// Room for the table's bytes, for the host to fill.
#[no_mangle]
pub extern "C" fn buffer(len: usize) -> *mut u8 {
    let mut v = vec![0u8; len];
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Reads the table and returns the length of its rows as JSON (0 if unreadable).
///
/// # Safety
/// `ptr` and `len` must come from [`buffer`].
#[no_mangle]
pub unsafe extern "C" fn read_table(ptr: *mut u8, len: usize) -> usize {
    let bytes = Vec::from_raw_parts(ptr, len, len);
    match read(&bytes, &Options::default()) {
        Ok(t) => t.rows.iter().map(|r| r.activity_json().to_string().len()).sum::<usize>() + t.errors.len(),
        Err(e) => e.zh.len(),
    }
}

/// Writes both templates and an export, returning their total size.
#[no_mangle]
pub extern "C" fn write_all() -> usize {
    let table = vec![vec!["人员编号".to_owned(), "学时".to_owned()], vec!["1001".to_owned(), "41.67".to_owned()]];
    template_csv(Lang::Zh).len() + template_xlsx(Lang::En).map_or(0, |b| b.len()) + xlsx_bytes(&table).map_or(0, |b| b.len())
}
