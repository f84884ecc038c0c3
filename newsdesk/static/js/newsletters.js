// Newsletter sign-up forms submit in place and show the answer inside the form.
// Without this script they post to /newsletters/subscribe/ and the server answers with a page.

const FAILED = "Something went wrong. Please try again in a moment.";

function showError(form, name, message) {
  const error = form.querySelector(`[data-error-for="${name}"]`);
  if (!error) return null;
  error.textContent = message;
  error.hidden = !message;
  const target = name === "email" ? form.elements.email : error.closest("fieldset");
  if (target) {
    if (message) {
      target.setAttribute("aria-describedby", error.id);
      if (name === "email") target.setAttribute("aria-invalid", "true");
    } else {
      target.removeAttribute("aria-describedby");
      target.removeAttribute("aria-invalid");
    }
  }
  return message ? target : null;
}

function showAnswer(form, answer) {
  const status = form.querySelector(".nl-form__status");
  const invalid = ["email", "newsletter"]
    .map((name) => showError(form, name, (answer.errors[name] || []).join(" ")))
    .filter(Boolean);
  if (answer.ok) {
    form.classList.add("nl-form--done");
    status.textContent = answer.message;
    status.focus();
  } else if (invalid.length) {
    status.textContent = "";
    (invalid[0].matches("input") ? invalid[0] : invalid[0].querySelector("input")).focus();
  } else {
    status.textContent = answer.message || FAILED;
  }
}

async function submit(event) {
  const form = event.currentTarget;
  event.preventDefault();
  if (form.getAttribute("aria-busy") === "true") return;
  const button = form.querySelector("button[type=submit]");
  form.setAttribute("aria-busy", "true");
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    const type = response.headers.get("Content-Type") || "";
    showAnswer(
      form,
      type.includes("application/json")
        ? await response.json()
        : { ok: false, message: FAILED, errors: {} },
    );
  } catch {
    showAnswer(form, { ok: false, message: FAILED, errors: {} });
  } finally {
    form.removeAttribute("aria-busy");
    button.disabled = false;
  }
}

for (const form of document.querySelectorAll("form[data-newsletter-form]")) {
  // The server's messages, not the browser's, so every reader sees the same ones.
  form.noValidate = true;
  form.addEventListener("submit", submit);
}
