// Escape hides an open glossary tooltip without moving focus (WCAG 1.4.13: dismissible);
// it shows again the next time the term gets focus or the pointer.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".hg-term:hover, .hg-term:focus-within").forEach((term) => {
    term.classList.add("hg-term--dismissed");
  });
});
document.querySelectorAll(".hg-term").forEach((term) => {
  const reset = () => term.classList.remove("hg-term--dismissed");
  term.addEventListener("focusin", reset);
  term.addEventListener("mouseenter", reset);
});
