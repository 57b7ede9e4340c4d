// The operation page: draws the process with the bpmn-js viewer (its bpmn.io watermark stays),
// marks active, completed and incident elements and the sequence flows taken, puts counts on the
// elements as overlays, and follows the instance while the page is open: by server-sent events,
// or, without EventSource or when the stream is refused, by polling every two seconds.
(function () {
  'use strict';
  var el = document.getElementById('diagram');
  if (!el || !window.BpmnJS) {
    return;
  }
  var viewer = new window.BpmnJS({ container: el });
  var markers = [];
  var signature = el.getAttribute('data-signature');
  var FINAL = { COMPLETED: true, FAILED: true, CANCELLED: true };

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      });
  }

  function badge(kind, count, elementId, title) {
    var span = document.createElement('span');
    span.className = 'sb-badge sb-badge-' + kind;
    span.setAttribute('data-element', elementId);
    span.setAttribute('title', title);
    span.textContent = String(count);
    return span;
  }

  function paint(live) {
    var canvas = viewer.get('canvas');
    var overlays = viewer.get('overlays');
    var registry = viewer.get('elementRegistry');
    markers.forEach(function (m) { canvas.removeMarker(m[0], m[1]); });
    markers = [];
    overlays.remove({ type: 'sb-state' });
    function mark(id, cls) {
      if (registry.get(id)) {
        canvas.addMarker(id, cls);
        markers.push([id, cls]);
        return true;
      }
      return false;
    }
    live.elements.forEach(function (e) {
      var cls = e.incidents > 0 ? 'sb-incident' : e.active > 0 ? 'sb-active'
        : e.completed > 0 ? 'sb-completed' : null;
      if (!cls || !mark(e.elementId, cls)) {
        return;
      }
      if (e.incidents > 0) {
        overlays.add(e.elementId, 'sb-state', {
          position: { bottom: 12, right: 12 },
          html: badge('incident', e.incidents, e.elementId, e.incidents + ' incident(s)')
        });
      }
      if (e.active > 0) {
        overlays.add(e.elementId, 'sb-state', {
          position: { bottom: 12, left: -8 },
          html: badge('active', e.active, e.elementId, e.active + ' active')
        });
      }
      if (e.completed > 0 && e.incidents === 0 && e.active === 0) {
        overlays.add(e.elementId, 'sb-state', {
          position: { top: -10, right: 12 },
          html: badge('completed', e.completed, e.elementId, e.completed + ' completed')
        });
      }
    });
    live.takenFlows.forEach(function (id) { mark(id, 'sb-taken'); });
    el.setAttribute('data-painted', live.signature);
  }

  function swap(id, doc) {
    var fresh = doc.getElementById(id);
    var old = document.getElementById(id);
    if (fresh && old) {
      old.innerHTML = fresh.innerHTML;
    }
  }

  function refreshTables() {
    return fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        swap('live', doc);
        swap('live-tables', doc);
      });
  }

  function isFinal(live) {
    return FINAL[live.operationState] && live.state !== 'ACTIVE';
  }

  function follow(live) {
    paint(live);
    if (live.signature !== signature) {
      signature = live.signature;
      refreshTables();
    }
  }

  function poll() {
    el.setAttribute('data-transport', 'polling');
    getJson(el.getAttribute('data-live')).then(function (live) {
      follow(live);
      if (!isFinal(live)) {
        window.setTimeout(poll, 2000);
      }
    }).catch(function () {
      window.setTimeout(poll, 5000);
    });
  }

  function listen(live) {
    var url = el.getAttribute('data-events');
    if (isFinal(live)) {
      return;
    }
    if (!window.EventSource || !url) {
      window.setTimeout(poll, 2000);
      return;
    }
    var source = new EventSource(url);
    source.addEventListener('live', function (e) {
      el.setAttribute('data-transport', 'sse');
      var next = JSON.parse(e.data);
      follow(next);
      if (isFinal(next)) {
        source.close();
      }
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(poll, 2000);
      }
    };
  }

  fetch(el.getAttribute('data-xml'), { credentials: 'same-origin' })
    .then(function (r) { return r.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      viewer.get('canvas').zoom('fit-viewport');
      return getJson(el.getAttribute('data-live'));
    })
    .then(function (live) {
      // the page may have been drawn before this answer: follow brings its tables up to date
      follow(live);
      listen(live);
    })
    .catch(function (e) {
      el.textContent = 'The diagram could not be drawn: ' + e.message;
    });
})();
