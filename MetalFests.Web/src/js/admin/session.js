// Sign in once with an API key (kept in localStorage), sign out to forget it. A page opened with a key
// stored goes straight to its list; the key is checked by a real admin call only when it is entered.
import { adminKey, checkAdminKey, forgetAdminKey, keepAdminKey } from "../api.js";

const messages = {
  401: "That key is not accepted: check it and try again.",
  403: "That key is valid but may not use the editors' pages.",
  0: "The API cannot be reached right now. Try again in a moment.",
};

/** The sign-in form, the same on every editors' page: placed after the page's header. */
function signInSection() {
  const section = document.createElement("section");
  section.id = "signIn";
  section.className = "sign-in";
  section.hidden = true;
  section.setAttribute("aria-labelledby", "signInTitle");
  section.innerHTML = `
    <h2 id="signInTitle">Sign in</h2>
    <p>The editors' pages write through the admin API. Enter your API key once: this browser keeps it until you sign out.</p>
    <form id="signInForm" novalidate>
      <label for="adminKey">API key</label>
      <input type="password" id="adminKey" name="adminKey" autocomplete="off" spellcheck="false" required>
      <button type="submit">Sign in</button>
      <p id="signInError" class="sign-in-error" role="alert"></p>
    </form>`;
  document.querySelector("header").after(section);
  return section;
}

/**
 * Shows the sign-in form until a key is accepted, then calls onSignedIn() (once per sign-in).
 * The page provides #signOut (in its header) and its content #editor, shown only when signed in.
 */
export function startSession(onSignedIn) {
  const section = signInSection();
  const form = document.getElementById("signInForm");
  const input = document.getElementById("adminKey");
  const error = document.getElementById("signInError");
  const signOut = document.getElementById("signOut");
  const editor = document.getElementById("editor");

  const show = (signedIn) => {
    section.hidden = signedIn;
    editor.hidden = !signedIn;
    signOut.hidden = !signedIn;
    if (!signedIn) input.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    error.textContent = "";
    if (!key) {
      error.textContent = "Enter your API key.";
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await checkAdminKey(key);
      keepAdminKey(key);
      input.value = "";
      show(true);
      onSignedIn();
    } catch (e) {
      error.textContent = messages[e.status] ?? `The key could not be checked (${e.message}).`;
      input.select();
    } finally {
      button.disabled = false;
    }
  });

  signOut.addEventListener("click", () => {
    forgetAdminKey();
    location.reload();
  });

  if (adminKey()) {
    show(true);
    onSignedIn();
  } else {
    show(false);
  }
}

/** After a call refused for the key itself (401): forget it and ask again, saying why. */
export function keyRejected() {
  forgetAdminKey();
  document.getElementById("signInError").textContent = "Your key is no longer accepted: sign in again.";
  document.getElementById("signIn").hidden = false;
  document.getElementById("editor").hidden = true;
  document.getElementById("signOut").hidden = true;
  document.getElementById("adminKey").focus();
}
