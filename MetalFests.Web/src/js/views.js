// The view switch (timeline at /, map at /map): in-page, with the address and history kept right.
const paths = { timeline: "/", map: "/map" };

export function views(onShow) {
  const links = [...document.querySelectorAll(".view-link")];

  function show(view, push) {
    if (push && location.pathname !== paths[view]) history.pushState({ view }, "", paths[view]);
    for (const link of links) {
      const current = link.getAttribute("href") === paths[view];
      link.classList.toggle("active", current);
      if (current) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    onShow(view);
  }

  for (const link of links) {
    link.addEventListener("click", (event) => {
      const view = Object.keys(paths).find((v) => paths[v] === link.getAttribute("href"));
      if (!view || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      show(view, true);
    });
  }
  addEventListener("popstate", () => show(current(), false));

  const current = () => (location.pathname.replace(/\/$/, "") === paths.map ? "map" : "timeline");
  show(current(), false);
}
