// The band guide: a band's page (/api/bands/{key}) and where it plays (/api/bands/{key}/festivals).
import { band, bandFestivals } from "./api.js";
import { el, formatDates } from "./dom.js";
import { modal } from "./modal.js";

export function bandModal(overlay) {
  const content = overlay.querySelector(".band-modal-content");
  const body = overlay.querySelector(".band-modal-body");
  const dialog = modal(overlay, content, overlay.querySelector(".band-modal-close"));

  async function open(key, opener) {
    body.replaceChildren(el("p", { class: "band-modal-loading", id: "band-modal-title" }, "Loading band…"));
    dialog.open(opener);
    try {
      const [detail, appearances] = await Promise.all([band(key), bandFestivals(key)]);
      body.replaceChildren(...render(detail, appearances));
    } catch {
      body.replaceChildren(el("p", { id: "band-modal-title" }, "This band cannot be shown right now."));
    }
  }
  return { open };
}

function render({ band: b, genres, roles }, { festivals }) {
  const roleNames = new Map(roles.map((r) => [r.key, r.name]));
  const links = [
    b.website && el("a", { href: b.website, target: "_blank", rel: "noopener noreferrer" }, "Website"),
    b.spotify && el("a", { href: b.spotify, target: "_blank", rel: "noopener noreferrer" }, "Spotify"),
  ].filter(Boolean);
  return [
    el("div", { class: "band-modal-header" },
      b.logo ? el("img", { class: "band-logo", src: b.logo, alt: `Logo of ${b.name}`, loading: "lazy", onerror: (e) => e.target.remove() }) : null,
      el("div", {},
        el("h2", { id: "band-modal-title", class: "band-name" }, b.name),
        b.country ? el("p", { class: "band-country" }, b.country) : null)),
    genres.length ? el("ul", { class: "band-genres", "aria-label": "Genres" }, genres.map((g) => el("li", { class: "genre-tag" }, g.name))) : null,
    b.description ? el("p", { class: "band-description" }, b.description) : null,
    b.members.length ? el("section", { class: "band-members" },
      el("h3", {}, "Members"),
      el("ul", {}, b.members.map((m) => el("li", {},
        el("span", { class: "member-name" }, m.name),
        m.roleKeys.length ? el("span", { class: "member-roles" }, ` — ${m.roleKeys.map((k) => roleNames.get(k) ?? k).join(", ")}`) : null)))) : null,
    links.length ? el("p", { class: "band-links" }, links) : null,
    el("section", { class: "band-festivals" },
      el("h3", {}, "Playing at"),
      festivals.length
        ? el("ul", {}, festivals.map((f) => el("li", {}, el("strong", {}, f.festivalName), ` — ${f.location}, ${formatDates(f.dates)}`)))
        : el("p", {}, "No festival announced yet.")),
  ];
}
