// Behaviour every console page shares, as the console's own script (its Content-Security-Policy
// allows no inline handler):
// - a form with data-confirm asks before it is sent, and is sent only when the user agrees;
// - a page whose <main> names a stream (data-live-events) follows it: each server-sent "changed"
//   event whose signature differs from the last one reloads the page's live regions
//   ([data-live-region], by id) in place, never the whole page, so what is being typed in a form
//   stays; a region whose text did not change is left as it is. The first event reloads them too (something may have changed since the page was
//   rendered). Without EventSource, or when the stream is refused, it polls every five seconds.
(function () {
  'use strict';

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  });

  function follow(main) {
    var url = main.getAttribute('data-live-events');

    function reloadRegions() {
      return fetch(window.location.href, { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) {
            throw new Error('HTTP ' + r.status);
          }
          return r.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          document.querySelectorAll('[data-live-region]').forEach(function (old) {
            var fresh = old.id ? doc.getElementById(old.id) : null;
            // what a region says is its text; its markup differs at each answer (the forms'
            // CSRF tokens), and an element replaced for nothing would be lost to whoever holds it
            if (fresh && fresh.textContent !== old.textContent) {
              old.innerHTML = fresh.innerHTML;
            }
          });
          main.setAttribute('data-refreshed', String(Number(main.getAttribute('data-refreshed') || 0) + 1));
        });
    }

    function poll() {
      main.setAttribute('data-transport', 'polling');
      reloadRegions().catch(function () {}).then(function () { window.setTimeout(poll, 5000); });
    }

    if (!window.EventSource) {
      window.setTimeout(poll, 5000);
      return;
    }
    var signature = null;
    var source = new EventSource(url);
    source.addEventListener('changed', function (e) {
      main.setAttribute('data-transport', 'sse');
      var now = JSON.parse(e.data).signature;
      if (now !== signature) {
        signature = now;
        reloadRegions().catch(function () {});
      }
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(poll, 5000);
      }
    };
  }

  function start() {
    var main = document.querySelector('main[data-live-events]');
    if (main) {
      follow(main);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
