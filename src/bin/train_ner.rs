//! `train-ner`: trains the entity model (feature `tools`).
//!
//! ```text
//! train-ner TRAIN DEV OUT [--epochs N] [--bits B] [--seed S] [--prune P] [--names TSV] [--folds K] [--fold-epochs N] [--nl-drop P] [--bags N] [--fold-bags N]
//! ```
//! Run through `make model`; prints dev scores after each epoch and for the quantised model.

use article_annotator::entities::train::{self, Config};
use std::process::ExitCode;

fn run(args: &[String]) -> Result<(), String> {
    let mut pos = Vec::new();
    let mut cfg = Config { bits: 20, epochs: 12, seed: 2003, prune: 1e-3, names: None, folds: 5, fold_epochs: 10, nl_drop: 0.3, bags: 1, fold_bags: 1 };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--epochs" => cfg.epochs = val("--epochs")?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => cfg.bits = val("--bits")?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--names" => cfg.names = Some(val("--names")?.clone()),
            "--seed" => cfg.seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--folds" => cfg.folds = val("--folds")?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--fold-epochs" => cfg.fold_epochs = val("--fold-epochs")?.parse().map_err(|e| format!("--fold-epochs: {e}"))?,
            "--fold-bags" => cfg.fold_bags = val("--fold-bags")?.parse().map_err(|e| format!("--fold-bags: {e}"))?,
            "--bags" => cfg.bags = val("--bags")?.parse().map_err(|e| format!("--bags: {e}"))?,
            "--nl-drop" => cfg.nl_drop = val("--nl-drop")?.parse().map_err(|e| format!("--nl-drop: {e}"))?,
            "--prune" => cfg.prune = val("--prune")?.parse().map_err(|e| format!("--prune: {e}"))?,
            other if other.starts_with("--") => return Err(format!("unknown option {other:?}")),
            other => pos.push(other.to_string()),
        }
    }
    let [train_path, dev_path, out] = pos.as_slice() else {
        return Err("usage: train-ner TRAIN DEV OUT [--epochs N] [--bits B] [--seed S] [--prune P] [--names TSV] [--folds K] [--fold-epochs N] [--nl-drop P] [--bags N] [--fold-bags N]".into());
    };
    if !(10..=24).contains(&cfg.bits) {
        return Err(format!("--bits {} is out of range 10..=24", cfg.bits));
    }
    let train_docs = train::read_conll(train_path)?;
    let dev_docs = train::read_conll(dev_path)?;
    let bytes = train::train(&train_docs, &dev_docs, &cfg)?;
    std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {out} ({} bytes)", bytes.len());
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::from(2)
        }
    }
}
