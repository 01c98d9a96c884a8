//! Word endings looked up by a word's last bytes: the languages' ordinary-word endings
//! (`Lexicon::by_ending`) and the medical ones (`tokens::looks_medical`).
use super::lexicon::{FxMap, Key};

/// Word endings with their flags, looked up by a word's last bytes: one table lookup for each length
/// an ending has (an unknown word is tried against them on every pass), not a comparison with each.
pub(super) struct Endings {
    table: FxMap<Key, u32>,
    /// the endings' lengths in bytes, shortest first
    lens: Vec<usize>,
    /// for each byte, the lengths (`length_bit`) of the endings that end with it, and of those that
    /// have it second from their end (every byte for an ending of one byte): a word's last two bytes
    /// leave only the lengths worth a lookup (most unknown words have no ending of most lengths)
    last: [u32; 256],
    second_last: [u32; 256],
}

/// The bit of an ending's length in `Endings::last` (31 for every length from 31 up).
fn length_bit(n: usize) -> u32 {
    1 << n.min(31)
}

impl Endings {
    pub(super) fn new(table: FxMap<Key, u32>) -> Endings {
        let mut lens: Vec<usize> = table.keys().map(|e| e.len()).collect();
        lens.sort_unstable();
        lens.dedup();
        let (mut last, mut second_last) = ([0u32; 256], [0u32; 256]);
        for e in table.keys().map(|e| e.as_bytes()) {
            let bit = length_bit(e.len());
            match e {
                [.., x, y] => {
                    last[*y as usize] |= bit;
                    second_last[*x as usize] |= bit;
                }
                // (an ending of one byte: any byte before it)
                [y] => {
                    last[*y as usize] |= bit;
                    second_last.iter_mut().for_each(|m| *m |= bit);
                }
                [] => {
                    last.iter_mut().chain(second_last.iter_mut()).for_each(|m| *m |= bit);
                }
            }
        }
        Endings { table, lens, last, second_last }
    }

    /// Where each ending of `word` that leaves three bytes or more before it starts, with its flags.
    pub(super) fn of<'a>(&'a self, word: &'a str) -> impl Iterator<Item = (usize, u32)> + 'a {
        // (a word of fewer than two bytes has no ending that leaves three before it)
        let lengths = match word.as_bytes() {
            [.., x, y] => self.last[*y as usize] & self.second_last[*x as usize],
            _ => 0,
        };
        self.lens.iter().take_while(move |&&n| word.len() >= n + 3).filter(move |&&n| lengths & length_bit(n) != 0).filter_map(move |&n| {
            let cut = word.len() - n;
            word.is_char_boundary(cut).then(|| self.table.get(&word[cut..]).map(|&bits| (cut, bits))).flatten()
        })
    }
}
