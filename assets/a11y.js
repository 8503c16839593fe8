/* Accessibility toolbar: text size and contrast (remembered in this browser), read-aloud in Polish. */
(function () {
  var SIZE = "kongres-rozmiar-tekstu";
  var CONTRAST = "kongres-kontrast";
  var MAX = 3;

  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }
  function apply() {
    var root = document.documentElement;
    root.setAttribute("data-rozmiar", String(Math.max(0, Math.min(MAX, Number(stored(SIZE)) || 0))));
    root.classList.toggle("wysoki-kontrast", stored(CONTRAST) === "1");
  }
  function say(message) {
    var box = document.getElementById("komunikat-dostepnosc");
    if (box) { box.textContent = ""; setTimeout(function () { box.textContent = message; }, 50); }
  }
  function size(step) {
    var next = step === 0 ? 0 : Math.max(0, Math.min(MAX, (Number(stored(SIZE)) || 0) + step));
    store(SIZE, String(next));
    apply();
    say(next === 0 ? "Tekst w rozmiarze podstawowym." : "Powiększenie tekstu: stopień " + next + " z " + MAX + ".");
  }
  function contrast() {
    var on = stored(CONTRAST) !== "1";
    store(CONTRAST, on ? "1" : "0");
    apply();
    say(on ? "Włączono wysoki kontrast." : "Wyłączono wysoki kontrast.");
  }
  function speak() {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
      say("Ta przeglądarka nie potrafi czytać tekstu na głos.");
      return;
    }
    var selected = String(window.getSelection ? window.getSelection() : "").trim();
    var main = document.getElementById("tresc");
    var text = selected || (main ? main.innerText : document.body.innerText);
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = "pl-PL";
    var voice = window.speechSynthesis.getVoices().filter(function (v) {
      return (v.lang || "").toLowerCase().indexOf("pl") === 0;
    })[0];
    if (voice) { utterance.voice = voice; }
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    say(voice ? (selected ? "Czytam zaznaczony tekst." : "Czytam treść strony.")
              : "Brak polskiego głosu w tej przeglądarce; czytam głosem domyślnym.");
  }
  function stop() {
    if ("speechSynthesis" in window) { window.speechSynthesis.cancel(); }
    say("Zatrzymano czytanie.");
  }

  window.kongresDostepnosc = { size: size, contrast: contrast, speak: speak, stop: stop };
  apply();
  document.addEventListener("DOMContentLoaded", apply);
})();
