//! `evaluate duckling`. (Skeleton.)

pub fn run(args: &[String]) -> Result<(), String> {
    Err(format!("evaluate duckling is not written yet ({} args)", args.len()))
}
