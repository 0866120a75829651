// A plain, friendly line when the API is down or busy; whatever the page shows already stays.
import { onOutage } from "./api.js";

export function showOutages(element) {
  onOutage((error) => {
    element.textContent = error.status === 429
      ? `The festival guide is very busy right now. Please try again in ${error.retryAfterSeconds ?? "a few"} seconds.`
      : "The festival guide cannot load its data right now. What is already on the page stays; please try again in a minute.";
    element.hidden = false;
  });
}
