//! Prints the sentences framescore finds in each file given, one per line,
//! prefixed by its index: for checking the splitter on real text.
//!
//!     cargo run --release --example sentences -- seeds/*.txt

use framescore::lexicon::Lexicon;
use framescore::text::segment;

fn main() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let text = framescore::text::decode(&bytes).text;
        let doc = segment(&text, &lexicon.boilerplate);
        for (i, s) in doc.sentences.iter().enumerate() {
            println!("{path}\t{i}\t{}", text[s.span.clone()].replace('\n', " "));
        }
    }
}
