// Copy-link button of the share box: shown only when this script runs, because it
// needs the clipboard. The result is announced in a live region for screen readers.
document.querySelectorAll("[data-hg-copy]").forEach((button) => {
  const status = button.closest(".hg-share").querySelector(".hg-share__status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.hgCopy);
      status.textContent = button.dataset.hgCopied;
    } catch {
      status.textContent = button.dataset.hgFailed;
    }
  });
});
