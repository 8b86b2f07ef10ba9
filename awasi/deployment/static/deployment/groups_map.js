// Guard groups on a map; markers are drawn even when tiles cannot load (background only).
(function () {
  var el = document.getElementById("awasi-map");
  var status = document.getElementById("map-status");
  if (!el || typeof L === "undefined") { if (status) status.textContent = "Map library unavailable."; return; }
  var map = L.map(el, { preferCanvas: true }).setView([-2.4, 106.6], 7);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    { maxZoom: 18, attribution: "&copy; OpenStreetMap" });
  tiles.on("tileerror", function () { el.dataset.tiles = "offline"; });
  tiles.addTo(map);
  var colours = { kurang_rawan: "#1f4f7a", rawan: "#c77700", sangat_rawan: "#b3261e", khusus: "#6b2fa3" };
  fetch(el.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.json(); })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (f, latlng) {
          var p = f.properties;
          return L.circleMarker(latlng, { radius: 3 + Math.min(p.tps, 6), weight: p.covered ? 1 : 3,
            color: p.covered ? colours[p.category] : "#000", fillColor: colours[p.category], fillOpacity: 0.6 });
        },
        onEachFeature: function (f, l) {
          var p = f.properties;
          l.bindPopup(p.label + " · " + p.unit + "<br>" + p.village + " · " + p.category +
            "<br>" + p.tps + " TPS · " + p.police + " Polri" + (p.covered ? "" : "<br><strong>✗</strong>"));
        }
      }).addTo(map);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds(), { padding: [10, 10] });
      el.dataset.loaded = String(data.features.length);
      status.textContent = data.features.length + " groups";
    }).catch(function () { status.textContent = "Could not load map data."; });
})();
