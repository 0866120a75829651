// /admin: every festival in a searchable, sortable list; the chosen one in #festivalForm.
import { festivalRows } from "../api.js";
import { AdminList } from "./admin-list.js";
import { FestivalForm } from "./festival-form.js";
import { startSession } from "./session.js";

const row = (festival) => ({ key: festival.festivalKey ?? festival.key, name: festival.festivalName ?? festival.name, meta: festival.location });

startSession(async () => {
  const section = document.querySelector(".admin-list-section");
  const error = section.querySelector(".list-error");
  let list;
  const form = new FestivalForm((saved) => list.update(row(saved)));
  list = new AdminList(section, (key) => form.open(key));
  list.clear();
  try {
    const festivals = await festivalRows();
    await list.append(festivals.map(row), festivals.length);
    list.complete();
  } catch (e) {
    error.textContent = `The festivals could not be loaded: ${e.message}`;
    error.hidden = false;
    list.failed();
  }
});
