// TPS and island map. Markers are drawn even when the tile server is unreachable:
// the tile layer only paints a background, so a failed tile load leaves a plain map.
(function () {
  var el = document.getElementById("awasi-map");
  var status = document.getElementById("map-status");
  if (!el || typeof L === "undefined") { if (status) status.textContent = "Map library unavailable."; return; }
  var map = L.map(el, { preferCanvas: true }).setView([-2.4, 106.6], 7);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    { maxZoom: 18, attribution: "&copy; OpenStreetMap" });
  var failed = 0;
  tiles.on("tileerror", function () { failed += 1; el.dataset.tiles = "offline"; });
  tiles.addTo(map);
  fetch(el.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.json(); })
    .then(function (data) {
      var tps = 0, islands = 0;
      var layer = L.geoJSON(data, {
        pointToLayer: function (f, latlng) {
          var p = f.properties;
          if (p.kind === "island") {
            islands += 1;
            return L.circleMarker(latlng, { radius: 3, weight: 1, color: p.populated ? "#1f7a3a" : "#9aa5b1" });
          }
          tps += 1;
          return L.circleMarker(latlng, { radius: 4, weight: 1, color: p.special ? "#b3261e" : "#1f4f7a", fillOpacity: 0.7 });
        },
        onEachFeature: function (f, l) {
          var p = f.properties;
          l.bindPopup(p.kind === "tps" ? (p.label + "<br>" + p.voters + " DPT" + (p.special ? "<br>" + p.special : "") + (p.synthetic ? "<br><em>synthetic</em>" : "")) : p.label);
        }
      }).addTo(map);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { padding: [10, 10] });
      el.dataset.loaded = String(tps);
      el.dataset.markers = String(layer.getLayers().length);
      status.textContent = tps + " TPS · " + islands + " islands" + (failed ? " · map background offline" : "");
    }).catch(function () { status.textContent = "Could not load map data."; });
})();
