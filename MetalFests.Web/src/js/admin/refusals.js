// Every refusal shown next to what caused it: a 400's fields at their inputs, and words for the rest.

/** Removes the marks a previous refusal left in `scope`. */
export function clearRefusals(scope) {
  for (const note of scope.querySelectorAll(".field-error")) note.remove();
  for (const input of scope.querySelectorAll("[aria-invalid=true]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
  for (const chip of scope.querySelectorAll(".chip.invalid")) {
    chip.classList.remove("invalid");
    chip.removeAttribute("title");
  }
}

let notes = 0;

/** Marks `element` invalid with `reason` written right after it. */
export function markField(element, reason) {
  const note = document.createElement("p");
  note.className = "field-error";
  note.id = `field-error-${++notes}`;
  note.textContent = reason;
  element.setAttribute("aria-invalid", "true");
  element.setAttribute("aria-describedby", note.id);
  element.after(note);
  return note;
}

/** Marks a chip (a band, genre or role) as the cause, with its reason as a tooltip and in the chip's text. */
export function markChip(chip, reason) {
  chip.classList.add("invalid");
  chip.title = reason;
  const note = document.createElement("span");
  note.className = "field-error";
  note.textContent = ` — ${reason}`;
  chip.querySelector(".chip-name").after(note);
}

/** The fields a 400 VALIDATION_ERROR names: [{field, reason}] (details.fields, else details.field). */
export function invalidFields(error) {
  const details = error.details ?? {};
  if (Array.isArray(details.fields) && details.fields.length) return details.fields;
  if (details.field) return [{ field: details.field, reason: error.message }];
  return [];
}

/** Words for a refusal that has no single field: the status says what happened and what to do. */
export function describe(error, what) {
  switch (error.status) {
    case 0: return `The API cannot be reached: ${what} was not saved. Try again in a moment.`;
    case 400: return `${what} was not saved: ${error.message}`;
    case 401: return `Your key is no longer accepted: ${what} was not saved. Sign in again.`;
    case 403: return `Your key may read but not write: ${what} was not saved. Editing needs a key with write permission.`;
    case 404: return `${what} no longer exists: it was deleted by someone else.`;
    case 412: return `Someone else changed ${what} since you opened it: your changes were not saved. Reload to see theirs, then edit again.`;
    case 422: return `${what} was not saved: ${error.message}`;
    case 429: return `Too many requests: ${what} was not saved. Wait a moment and save again.`;
    default: return `The API failed (${error.status}): ${what} was not saved. Try again in a moment.`;
  }
}
