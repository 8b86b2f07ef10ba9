// Poor signal: every answer is copied to localStorage as it is given, restored when the page is
// opened again, and cleared only after the server confirmed the submission. The idempotency key
// is made once per draft, so re-sending the same draft after a timeout is applied only once.
(function () {
  var form = document.getElementById("observation-form");
  if (!form) return;
  var storeKey = form.dataset.draftKey;
  var status = document.getElementById("draft-status");
  var keyField = form.querySelector("input[name=key]");
  function newKey() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }
  function read() { try { return JSON.parse(localStorage.getItem(storeKey) || "null"); } catch (e) { return null; } }
  function save() {
    var data = { key: keyField.value, fields: {} };
    Array.prototype.forEach.call(form.elements, function (f) {
      if (!f.name || f.type === "hidden" || f.name === "csrfmiddlewaretoken") return;
      if ((f.type === "radio" || f.type === "checkbox") && !f.checked) return;
      data.fields[f.name] = f.value;
    });
    localStorage.setItem(storeKey, JSON.stringify(data));
    status.textContent = "Draf tersimpan di perangkat ini / Draft saved on this device.";
  }
  if (form.dataset.sent === "1") { localStorage.removeItem(storeKey); }
  var draft = read();
  if (draft) {
    keyField.value = draft.key || newKey();
    Object.keys(draft.fields).forEach(function (name) {
      var value = draft.fields[name];
      Array.prototype.forEach.call(form.querySelectorAll("[name='" + name + "']"), function (f) {
        if (f.type === "radio") { f.checked = f.value === value; } else { f.value = value; }
      });
    });
    status.textContent = "Draf dipulihkan / Draft restored.";
  } else if (!keyField.value) {
    keyField.value = newKey();
  }
  form.addEventListener("change", save);
  form.addEventListener("input", save);
  form.addEventListener("submit", save);
})();
