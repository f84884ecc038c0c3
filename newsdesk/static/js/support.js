// /support/: the membership prices follow the monthly/yearly switch, and the donation form's
// amounts and currency signs follow the chosen currency. Without JavaScript both prices and
// every amount show, and the server checks what is sent.
(() => {
  "use strict";
  const SIGNS = { usd: "$", eur: "€", uah: "₴" };

  const tiers = document.querySelector("[data-tiers]");
  const toggle = document.querySelector("[data-interval-switch]");
  if (tiers && toggle) {
    const show = () => {
      const chosen = toggle.querySelector("input:checked");
      tiers.dataset.interval = chosen ? chosen.value : "month";
    };
    toggle.hidden = false;
    toggle.addEventListener("change", show);
    show();
  }

  const form = document.querySelector("[data-donate-form]");
  if (!form) return;
  const groups = [...form.querySelectorAll("[data-amounts]")];
  const custom = form.querySelector("#custom-amount");

  const follow = (changed) => {
    const currency = form.querySelector("input[name=currency]:checked")?.value || "usd";
    for (const group of groups) {
      const matches = group.dataset.amounts.split(" ").includes(currency);
      group.hidden = !matches;
      const radios = [...group.querySelectorAll("input[name=amount]")];
      if (!matches) {
        for (const radio of radios) radio.checked = false;
      } else if (changed && !custom.value.trim() && !radios.some((radio) => radio.checked)) {
        const second = radios[Math.min(1, radios.length - 1)];
        if (second) second.checked = true;
      }
    }
    for (const sign of form.querySelectorAll("[data-currency-sign]")) {
      sign.textContent = SIGNS[currency] || "";
    }
    for (const group of groups) {
      if (group.hidden) continue;
      for (const label of group.querySelectorAll(".rv-chip--amount span")) {
        // The sign where the page's language writes it ("$5", "5 $"): only the sign changes.
        label.textContent = label.textContent.replace(/[$€₴]/, SIGNS[currency] || "");
      }
    }
  };

  form.addEventListener("change", (event) => {
    if (event.target.name === "currency") follow(true);
    // A chip picked after typing an amount: the chip wins, as the help text says the other way.
    if (event.target.name === "amount") custom.value = "";
  });
  custom.addEventListener("input", () => {
    if (custom.value.trim()) {
      for (const radio of form.querySelectorAll("input[name=amount]")) radio.checked = false;
    }
  });
  follow(false);
  const errors = document.getElementById("donate-errors");
  if (errors) errors.focus();
})();
