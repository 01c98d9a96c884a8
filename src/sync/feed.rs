//! The change feed's shape: its cursor, one item per change, and the NDJSON body that streams pages
//! as they are read.
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

use super::store::{Change, Origin, Position};
use crate::http::{cursor, rfc3339, ApiError};
use crate::registry::handlers::CaseView;

/// Changes read from the database per query while streaming.
pub const STREAM_PAGE: i64 = 2000;

pub fn encode_cursor(p: Position) -> String {
    cursor::encode(&[p.0, p.1])
}

pub fn decode_cursor(text: &str) -> Result<Position, ApiError> {
    let [txid, seq]: [i64; 2] = cursor::decode(text)?;
    Ok((txid, seq))
}

/// One change: what happened, when, to which case (shown as it is now: a correction read later
/// shows the latest content, a withdrawn case only its tombstone), and where the case was first entered.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FeedItem {
    /// Pass as `after` to continue after this change.
    pub cursor: String,
    /// `created`, `corrected` or `withdrawn`.
    pub kind: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: String,
    /// The instance the case was first entered at and its id there: a mirror keeps it, so instances
    /// that pull from each other never echo a case back.
    pub origin: Origin,
    pub case: CaseView,
}

impl FeedItem {
    pub fn of(c: &Change) -> FeedItem {
        FeedItem {
            cursor: encode_cursor((c.txid, c.seq)),
            kind: c.kind.clone(),
            at: rfc3339::format(&c.at),
            origin: c.origin.clone(),
            case: CaseView::of(&c.case),
        }
    }
}

/// NDJSON lines of `changes`, one item per line.
pub fn ndjson(changes: &[Change]) -> Bytes {
    let mut out = Vec::with_capacity(changes.len() * 1024);
    for c in changes {
        serde_json::to_writer(&mut out, &FeedItem::of(c)).expect("feed items serialise");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_others() {
        for p in [(0, 1), (i64::MAX - 1, 42), (731, 9_000_000_000)] {
            assert_eq!(decode_cursor(&encode_cursor(p)).unwrap(), p);
        }
        assert!(decode_cursor("0").is_err());
        assert!(decode_cursor(&cursor::encode(&"abc")).is_err());
    }
}
