document.querySelectorAll("button[data-copy]").forEach(function (b) {
  b.hidden = false;
  b.addEventListener("click", function () {
    var done = function () { var t = b.textContent; b.textContent = b.dataset.done; setTimeout(function () { b.textContent = t; }, 1500); };
    var input = document.getElementById(b.dataset.copy);
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(input.value).then(done); return; }
    input.select(); if (document.execCommand("copy")) { done(); }
  });
});
