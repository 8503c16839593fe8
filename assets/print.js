// The print button of the printable check-in list (/api/organizator/lista-obecnosci): a file, not an inline
// onclick, because the Content-Security-Policy runs no inline handlers.
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
