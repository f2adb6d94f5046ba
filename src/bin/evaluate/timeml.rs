//! `evaluate timeml`. (Skeleton.)

pub fn run(args: &[String]) -> Result<(), String> {
    Err(format!("evaluate timeml is not written yet ({} args)", args.len()))
}
