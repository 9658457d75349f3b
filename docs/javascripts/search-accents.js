/* Dossier: search ignores accents, so "Préval" and "Preval" find the same pages whichever the text uses.
 *
 * Material's search runs in a web worker that receives the index once (an object with `docs`) and then
 * each query (a string). Both pass through Worker.prototype.postMessage: every query is sent without its
 * accents, and every page that has accented words gets a second, accent-free copy of its title and text
 * in extra fields of the index, so the shown results keep their accents.
 */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function foldIndex(data) {
    var fields = data.config && data.config.fields;
    if (!fields || !fields.title || !fields.text) {
      return;
    }
    fields.title_folded = fields.title;
    fields.text_folded = fields.text;
    data.docs.forEach(function (doc) {
      ["title", "text"].forEach(function (field) {
        var value = doc[field];
        if (typeof value === "string" && fold(value) !== value) {
          doc[field + "_folded"] = fold(value);
        }
      });
    });
  }
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var rest = Array.prototype.slice.call(arguments, 1);
    if (message && typeof message.data === "string") {
      message = Object.assign({}, message, { data: fold(message.data) });
    } else if (message && message.data && Array.isArray(message.data.docs)) {
      foldIndex(message.data);
    }
    return post.apply(this, [message].concat(rest));
  };
})();
