// Shared modal behaviour: shown over the page, closed by its button, Escape (the topmost modal
// only) or a click outside its content; focus moves into it and returns to what opened it.
const openModals = [];

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") openModals.at(-1)?.close();
});

export function modal(overlay, content, closeButton) {
  let returnFocus = null;
  const self = {
    open(opener) {
      returnFocus = opener ?? document.activeElement;
      overlay.hidden = false;
      if (!openModals.includes(self)) openModals.push(self);
      document.body.classList.add("modal-open");
      closeButton.focus();
    },
    close() {
      if (overlay.hidden) return;
      overlay.hidden = true;
      openModals.splice(openModals.indexOf(self), 1);
      if (!openModals.length) document.body.classList.remove("modal-open");
      if (returnFocus?.isConnected) returnFocus.focus();
      returnFocus = null;
    },
  };
  closeButton.addEventListener("click", self.close);
  overlay.addEventListener("click", (event) => {
    if (!content.contains(event.target)) self.close();
  });
  return self;
}
