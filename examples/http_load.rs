//! Minimal closed-loop HTTP/1.1 load generator for `bench/run` (not part of the service).
//!
//! Each of `--concurrency` threads holds one keep-alive connection to a local server and sends one
//! request at a time, recording the latency of every request (exact percentiles, no sampling).
//! POST bodies come from an NDJSON file, one request per line, handed out round-robin across all
//! connections so that no two requests in a run carry the same body (unless the file is exhausted:
//! then `"wrapped": true` is reported).
//!
//! ```text
//! cargo run --release --example http_load -- --addr 127.0.0.1:8080 --method POST \
//!     --path /v1/registries/psoriasis/cases --token "$T" --bodies forms.ndjson \
//!     --concurrency 8 --duration 10 --expect 201 [--offset 0] [--max-requests N] [--warmup 1]
//! ```
//! Prints one JSON object: requests, ok (answers with the expected status), other statuses,
//! elapsed seconds, ok/s, p50/p90/p99/max latency in milliseconds.
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Args {
    addr: String,
    method: String,
    path: String,
    token: Option<String>,
    bodies: Option<String>,
    concurrency: usize,
    duration: f64,
    warmup: f64,
    max_requests: u64,
    expect: u16,
    offset: u64,
    /// Extra request headers (`--header 'Accept-Encoding: gzip'`, repeatable).
    headers: String,
}

fn args() -> Args {
    let mut a = Args {
        addr: "127.0.0.1:8080".into(),
        method: "GET".into(),
        path: "/health/live".into(),
        token: None,
        bodies: None,
        concurrency: 1,
        duration: 5.0,
        warmup: 0.0,
        max_requests: u64::MAX,
        expect: 200,
        offset: 0,
        headers: String::new(),
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let val = v.get(i + 1).cloned().unwrap_or_else(|| panic!("{} needs a value", v[i]));
        match v[i].as_str() {
            "--addr" => a.addr = val,
            "--method" => a.method = val,
            "--path" => a.path = val,
            "--token" => a.token = Some(val).filter(|t| !t.is_empty()),
            "--bodies" => a.bodies = Some(val),
            "--concurrency" => a.concurrency = val.parse().expect("--concurrency"),
            "--duration" => a.duration = val.parse().expect("--duration"),
            "--warmup" => a.warmup = val.parse().expect("--warmup"),
            "--max-requests" => a.max_requests = val.parse().expect("--max-requests"),
            "--expect" => a.expect = val.parse().expect("--expect"),
            "--offset" => a.offset = val.parse().expect("--offset"),
            "--header" => a.headers.push_str(&format!("{val}\r\n")),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    assert!(a.concurrency >= 1 && a.concurrency <= 1024, "--concurrency 1..1024");
    assert!(a.duration > 0.0 && a.duration <= 3600.0, "--duration must be in (0, 3600] seconds");
    a
}

/// Reads one response; returns its status. Handles Content-Length and chunked bodies.
fn read_response(r: &mut BufReader<TcpStream>, line: &mut String) -> std::io::Result<u16> {
    line.clear();
    if r.read_line(line)? == 0 {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
    }
    let status: u16 = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length: Option<usize> = None;
    let mut chunked = false;
    let mut close = false;
    loop {
        line.clear();
        if r.read_line(line)? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "eof in headers"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            match k.as_str() {
                "content-length" => length = v.parse().ok(),
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                "connection" => close = v.eq_ignore_ascii_case("close"),
                _ => {}
            }
        }
    }
    if chunked {
        loop {
            line.clear();
            r.read_line(line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16).unwrap_or(0);
            if size == 0 {
                // trailers until the empty line
                loop {
                    line.clear();
                    if r.read_line(line)? == 0 || line.trim_end().is_empty() {
                        break;
                    }
                }
                break;
            }
            std::io::copy(&mut r.by_ref().take(size as u64 + 2), &mut std::io::sink())?;
        }
    } else if let Some(n) = length {
        std::io::copy(&mut r.by_ref().take(n as u64), &mut std::io::sink())?;
    }
    if close {
        return Ok(status + 10_000); // the server closes this connection: reconnect before the next request
    }
    Ok(status)
}

fn connect(addr: &str) -> std::io::Result<(TcpStream, BufReader<TcpStream>)> {
    let s = TcpStream::connect(addr)?;
    s.set_nodelay(true)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let r = BufReader::with_capacity(64 * 1024, s.try_clone()?);
    Ok((s, r))
}

fn main() {
    let a = Arc::new(args());
    let bodies: Arc<Vec<String>> = Arc::new(match &a.bodies {
        Some(p) => std::fs::read_to_string(p)
            .unwrap_or_else(|e| panic!("{p}: {e}"))
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        None => Vec::new(),
    });
    if a.bodies.is_some() && bodies.is_empty() {
        panic!("no bodies");
    }
    let next = Arc::new(AtomicU64::new(a.offset));
    let issued = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let measure_from = start + Duration::from_secs_f64(a.warmup);
    let deadline = measure_from + Duration::from_secs_f64(a.duration);

    let mut handles = Vec::new();
    for _ in 0..a.concurrency {
        let (a, bodies, next, issued, stop) = (a.clone(), bodies.clone(), next.clone(), issued.clone(), stop.clone());
        handles.push(std::thread::spawn(move || {
            let mut lat: Vec<u32> = Vec::with_capacity(1 << 16);
            let mut statuses: BTreeMap<u16, u64> = BTreeMap::new();
            let mut io_errors = 0u64;
            let mut conn = None;
            let mut line = String::new();
            let mut req: Vec<u8> = Vec::with_capacity(8192);
            let auth = a.token.as_ref().map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default() + &a.headers;
            let mut consecutive_errors = 0;
            while !stop.load(Ordering::Relaxed) {
                let now = Instant::now();
                if now >= deadline {
                    break;
                }
                let measured = now >= measure_from;
                if measured && issued.fetch_add(1, Ordering::Relaxed) >= a.max_requests {
                    break;
                }
                req.clear();
                if bodies.is_empty() {
                    write!(req, "{} {} HTTP/1.1\r\nHost: {}\r\n{auth}\r\n", a.method, a.path, a.addr).unwrap();
                } else {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let body = &bodies[(i % bodies.len() as u64) as usize];
                    write!(
                        req,
                        "{} {} HTTP/1.1\r\nHost: {}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                        a.method,
                        a.path,
                        a.addr,
                        body.len()
                    )
                    .unwrap();
                }
                if conn.is_none() {
                    match connect(&a.addr) {
                        Ok(c) => conn = Some(c),
                        Err(e) => {
                            io_errors += 1;
                            consecutive_errors += 1;
                            if consecutive_errors > 50 {
                                eprintln!("http_load: giving up connecting: {e}");
                                stop.store(true, Ordering::Relaxed);
                            }
                            std::thread::sleep(Duration::from_millis(20));
                            continue;
                        }
                    }
                }
                let (w, r) = conn.as_mut().unwrap();
                let t0 = Instant::now();
                let res = w.write_all(&req).and_then(|_| read_response(r, &mut line));
                let us = t0.elapsed().as_micros().min(u32::MAX as u128) as u32;
                match res {
                    Ok(mut status) => {
                        consecutive_errors = 0;
                        if status >= 10_000 {
                            status -= 10_000;
                            conn = None;
                        }
                        if measured {
                            lat.push(us);
                            *statuses.entry(status).or_default() += 1;
                        }
                    }
                    Err(_) => {
                        io_errors += 1;
                        consecutive_errors += 1;
                        conn = None;
                        if consecutive_errors > 50 {
                            eprintln!("http_load: too many consecutive I/O errors");
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                }
            }
            (lat, statuses, io_errors, Instant::now())
        }));
    }
    let mut lat = Vec::new();
    let mut statuses: BTreeMap<u16, u64> = BTreeMap::new();
    let mut io_errors = 0;
    let mut end = measure_from;
    for h in handles {
        let (l, s, e, t) = h.join().expect("load thread");
        lat.extend(l);
        for (k, v) in s {
            *statuses.entry(k).or_default() += v;
        }
        io_errors += e;
        end = end.max(t);
    }
    let elapsed = end.saturating_duration_since(measure_from).as_secs_f64().max(1e-9);
    lat.sort_unstable();
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((p / 100.0) * lat.len() as f64).ceil() as usize;
        lat[i.clamp(1, lat.len()) - 1] as f64 / 1000.0
    };
    let ok = statuses.get(&a.expect).copied().unwrap_or(0);
    let other: BTreeMap<String, u64> =
        statuses.iter().filter(|(k, _)| **k != a.expect).map(|(k, v)| (k.to_string(), *v)).collect();
    let used = next.load(Ordering::Relaxed) - a.offset;
    let out = serde_json::json!({
        "method": a.method,
        "path": a.path,
        "concurrency": a.concurrency,
        "requests": lat.len(),
        "ok": ok,
        "expect": a.expect,
        "other_statuses": other,
        "io_errors": io_errors,
        "elapsed_s": (elapsed * 1000.0).round() / 1000.0,
        "ok_per_s": (ok as f64 / elapsed * 10.0).round() / 10.0,
        "p50_ms": (pct(50.0) * 1000.0).round() / 1000.0,
        "p90_ms": (pct(90.0) * 1000.0).round() / 1000.0,
        "p99_ms": (pct(99.0) * 1000.0).round() / 1000.0,
        "max_ms": (pct(100.0) * 1000.0).round() / 1000.0,
        "bodies_used": used,
        "next_offset": next.load(Ordering::Relaxed),
        "wrapped": !bodies.is_empty() && used > bodies.len() as u64,
    });
    println!("{out}");
}
