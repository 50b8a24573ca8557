use super::*;
use crate::learn::gold;

fn records(text: &str) -> Vec<GoldRecord> {
    gold::read("g.jsonl", text.as_bytes()).expect("valid gold")
}

fn row<'a>(report: &'a Report, label: &str, gold_label: &str) -> &'a SpanFigures {
    report
        .spans
        .iter()
        .find(|f| f.label == label && f.gold_label == gold_label)
        .unwrap_or_else(|| panic!("no row {label} vs {gold_label}: {:?}", report.spans))
}

#[test]
fn loaded_spans_entries_and_categories() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    // "dictator" is a name_calling term; the gold marks it and one word it misses.
    let text = "The dictator spoke. The plan was sensible.";
    let gold = format!(
        "{{\"id\":\"a\",\"text\":\"{text}\",\"spans\":[{{\"start\":4,\"end\":12,\"label\":\"loaded\"}},{{\"start\":33,\"end\":41,\"label\":\"loaded\"}}]}}"
    );
    let report = evaluate(&records(&gold), lexicon, &Options::default());
    let f = row(&report, "loaded", "loaded");
    assert_eq!(f.overlap.gold, 2);
    assert_eq!(f.overlap.found, 1);
    assert_eq!(f.exact.found, 1);
    assert!(f.overlap.predicted >= 1);
    let cat = row(&report, "loaded:name_calling", "loaded");
    assert_eq!(cat.overlap.right, 1);
    let entry = report
        .entries
        .iter()
        .find(|e| e.term.starts_with("dictator"))
        .expect("dictator entry");
    assert_eq!((entry.hits, entry.inside), (1, 1));
    assert_eq!(entry.label, "loaded:name_calling");
    assert!(report.targets.is_none());
    assert!(report.documents.is_empty());
}

#[test]
fn hits_outside_gold_come_first() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let gold = "{\"id\":\"a\",\"text\":\"The dictator met the despot and the dictator.\",\"spans\":[{\"start\":21,\"end\":27,\"label\":\"loaded\"}]}";
    let report = evaluate(&records(gold), lexicon, &Options::default());
    let first = &report.entries[0];
    assert!(first.term.starts_with("dictator"), "{:?}", report.entries);
    assert_eq!((first.hits, first.inside), (2, 0));
}

#[test]
fn targets_give_a_confusion_matrix() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let gold = "{\"id\":\"a\",\"text\":\"Japan is arrogant and aggressive.\",\"targets\":[{\"start\":0,\"end\":5,\"polarity\":\"negative\"}]}\n{\"id\":\"b\",\"text\":\"Japan met Korea on Tuesday.\",\"targets\":[{\"start\":10,\"end\":15,\"polarity\":\"neutral\"}]}";
    let report = evaluate(&records(gold), lexicon, &Options::default());
    let t = report.targets.expect("targets");
    assert_eq!(t.targets, 2);
    assert_eq!(t.confusion[0][0], 1, "{:?}", t.confusion);
    assert_eq!(t.confusion[1].iter().sum::<usize>(), 1);
}

#[test]
fn document_labels_correlate_with_tone() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let gold = "{\"id\":\"a\",\"text\":\"A wonderful, brilliant success.\",\"labels\":{\"tone\":0.9}}\n{\"id\":\"b\",\"text\":\"A terrible, shameful disaster.\",\"labels\":{\"tone\":-0.9}}\n{\"id\":\"c\",\"text\":\"The meeting is on Monday.\",\"labels\":{\"tone\":0.0}}";
    let report = evaluate(&records(gold), lexicon, &Options::default());
    assert_eq!(report.documents.len(), 1);
    let d = &report.documents[0];
    assert_eq!((d.label.as_str(), d.records), ("tone", 3));
    assert!(d.pearson > 0.9, "{d:?}");
}

#[test]
fn unknown_category_names_file_and_line() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let gold = "{\"id\":\"a\",\"text\":\"abc\"}\n{\"id\":\"b\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"loaded:nam_calling\"}]}";
    let err = check_categories("g.jsonl", &records(gold), lexicon).expect_err("unknown");
    let msg = err.to_string();
    assert!(
        msg.starts_with("g.jsonl:2: unknown category in span label `loaded:nam_calling`"),
        "{msg}"
    );
    assert!(msg.contains("name_calling"), "{msg}");
    let ok = "{\"id\":\"b\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"loaded:name_calling\"}]}";
    assert!(check_categories("g.jsonl", &records(ok), lexicon).is_ok());
}

#[test]
fn attribution_spans_are_compared() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let gold = "{\"id\":\"a\",\"text\":\"The minister said the talks failed.\",\"spans\":[{\"start\":13,\"end\":17,\"label\":\"cue\"},{\"start\":0,\"end\":12,\"label\":\"source\"}]}";
    let report = evaluate(&records(gold), lexicon, &Options::default());
    assert_eq!(row(&report, "cue", "cue").overlap.found, 1);
    assert_eq!(row(&report, "source", "source").overlap.found, 1);
}
