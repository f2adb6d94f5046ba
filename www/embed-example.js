// The embedding page's own script (not part of the widget): it shows the annotation a reader
// selects, and appends "live updates" later, which the widget highlights because the
// <article-annotator> element carries the `observe` attribute.

const picked = document.getElementById("picked");

document.addEventListener("article-annotator:select", (event) => {
  const a = event.detail;
  const parts = [`${a.label}: “${a.text}”`];
  if (a.entity && a.entity !== a.text) parts.push(`refers to ${a.entity}`);
  if (a.speaker) parts.push(`said by ${a.speaker.entity || a.speaker.text}`);
  if (a.value) parts.push(`value ${a.value}`);
  picked.textContent = parts.join(" · ");
  picked.dataset.label = a.label;
});

const UPDATES = [
  "Update, 7 February: Transport for London said the Woolwich ferry would run a reduced service on Thursday while gates are tested.",
  "Update, 8 February: “The tests went as planned,” an Environment Agency spokesperson said.",
];

document.getElementById("more").addEventListener("click", (event) => {
  const story = document.getElementById("story");
  for (const text of UPDATES) {
    const p = document.createElement("p");
    p.className = "update";
    p.textContent = text;
    story.appendChild(p);
  }
  event.currentTarget.disabled = true;
});
