//! Where the analysis spends its time, natively: `cargo run --release --example throughput --
//! FILE [repeats]` prints the median milliseconds of reading the JSON, validating it,
//! analysing it and writing the result, over the repeats. (The browser figures, against
//! decimal.js, come from `make bench`.)

use std::time::Instant;

use khuyencong_charts::{analyze, json, model::parse_data, output, Options};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        eprintln!("usage: throughput FILE [repeats]");
        std::process::exit(2);
    };
    let repeats: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(2);
    });
    let options = Options::default();
    let (mut read, mut validate, mut compute, mut write, mut all) =
        (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..repeats {
        let t0 = Instant::now();
        let value = json::parse(&text).expect("valid JSON");
        let t1 = Instant::now();
        let data = parse_data(&value).expect("valid data");
        let t2 = Instant::now();
        let analysis = analyze(&data, &options).expect("analysis");
        let t3 = Instant::now();
        let out = output::to_json(&analysis);
        let t4 = Instant::now();
        std::hint::black_box(out);
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        read.push(ms(t0, t1));
        validate.push(ms(t1, t2));
        compute.push(ms(t2, t3));
        write.push(ms(t3, t4));
        all.push(ms(t0, t4));
    }
    println!(
        "{file}: {} bytes; median of {repeats}: read {:.1} ms, validate {:.1} ms, analyse {:.1} ms, write {:.1} ms, total {:.1} ms",
        text.len(),
        median(read),
        median(validate),
        median(compute),
        median(write),
        median(all)
    );
}
