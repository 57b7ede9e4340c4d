// The operations list: server-sent events say when a row of this page (as filtered) changed; the
// page then reloads its rows in place. Without EventSource, or when the stream is refused, it
// polls the page every five seconds instead.
(function () {
  'use strict';
  var table = document.getElementById('operations');
  if (!table) {
    return;
  }

  function swap(doc, id) {
    var fresh = doc.getElementById(id);
    var old = document.getElementById(id);
    if (fresh && old) {
      old.innerHTML = fresh.innerHTML;
    }
  }

  function reloadRows() {
    return fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        swap(doc, 'operations');
        swap(doc, 'operations-pager');
      });
  }

  function poll() {
    reloadRows().catch(function () {}).then(function () { window.setTimeout(poll, 5000); });
  }

  var url = table.getAttribute('data-events');
  if (!window.EventSource || !url) {
    table.setAttribute('data-transport', 'polling');
    window.setTimeout(poll, 5000);
    return;
  }
  var signature = table.getAttribute('data-signature');
  var source = new EventSource(url);
  source.addEventListener('changed', function (e) {
    table.setAttribute('data-transport', 'sse');
    var now = JSON.parse(e.data).signature;
    if (now !== signature) {
      signature = now;
      reloadRows();
    }
  });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {
      table.setAttribute('data-transport', 'polling');
      window.setTimeout(poll, 5000);
    }
  };
})();
