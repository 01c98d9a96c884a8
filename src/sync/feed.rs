//! The change feed's order, and the NDJSON body that streams its pages as they are read (what one
//! item shows, and the cursor, are the API's: `handlers.rs`).
//!
//! Order and completeness: every change row carries the id of the transaction that wrote it
//! (`changes.txid`: PostgreSQL's top-level transaction id, 0 on SQLite) and the feed is ordered by
//! (txid, seq). A page reads only changes below the horizon (`store::horizon`: the oldest transaction
//! still running), and nothing can ever commit below it later, so a reader that follows the cursor
//! never passes a change that is still to come. On PostgreSQL a sequence value is taken before
//! commit, so ordering by seq alone could let a reader skip a change that commits late.

use std::pin::Pin;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, MessageBody};
use actix_web::web::Bytes;
use serde::Serialize;

use super::store::Change;

/// Changes read from the database per query while streaming.
pub const STREAM_PAGE: i64 = 2000;

/// NDJSON lines of `changes`, one item per line, each as `view` shows it.
pub fn ndjson<T: Serialize>(changes: &[Change], view: impl Fn(&Change) -> T) -> Bytes {
    let mut out = Vec::with_capacity(changes.len() * 1024);
    for c in changes {
        serde_json::to_writer(&mut out, &view(c)).expect("feed items serialise");
        out.push(b'\n');
    }
    Bytes::from(out)
}
/// A response body fed chunk by chunk from a channel: the reader thread sends each page as it is
/// read, so a pull of any size holds a couple of pages in memory. An `Err` aborts the response (the
/// client sees a cut stream and resumes from the last cursor it got).
pub struct ChannelBody(pub tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl MessageBody for ChannelBody {
    type Error = std::io::Error;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes, Self::Error>>> {
        self.get_mut().0.poll_recv(cx)
    }
}
