// Filter forms submit only the fields that are set, so the address stays short and shareable.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") return;
  for (const field of form.elements) {
    if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.name && field.value === "") {
      field.disabled = true;
    }
  }
});

// Back from a filtered page re-enables the fields the last submit disabled.
window.addEventListener("pageshow", () => {
  for (const field of document.querySelectorAll("form.filters [disabled]")) field.disabled = false;
});

// Suggestions while an actor is typed: the knowledge base's names by any alias ("Jokow" offers Joko Widodo)
// and the store's participants, into the input's <datalist>. Values are set as text, never as markup.
const suggestTimers = new WeakMap();
document.addEventListener("input", (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || !field.dataset.suggest || !field.list) return;
  clearTimeout(suggestTimers.get(field));
  const typed = field.value.trim();
  if (typed.length < 2) return;
  suggestTimers.set(field, setTimeout(async () => {
    const answer = await fetch("/api/suggest?q=" + encodeURIComponent(typed)).then((r) => r.json()).catch(() => null);
    if (!answer || field.value.trim() !== typed) return;
    const options = answer.items.map((item) => {
      const option = document.createElement("option");
      option.value = item.value;
      option.label = item.label;
      return option;
    });
    field.list.replaceChildren(...options);
  }, 150));
});
