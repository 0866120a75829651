// The hamburger menu of narrow screens (≤ 768 px, see header.css).
export function mobileMenu(button, menu) {
  const set = (open) => {
    menu.classList.toggle("active", open);
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => set(!menu.classList.contains("active")));
  menu.addEventListener("click", (event) => {
    if (event.target.closest("a")) set(false);
  });
}
