// TPS by category and districts by index. Everything is drawn as vector markers, so the map
// still works when the tile server cannot be reached: only the background stays blank.
(function () {
  var el = document.getElementById("risk-map");
  var status = document.getElementById("map-status");
  if (!el) return;
  if (typeof L === "undefined") { status.textContent = "Map library unavailable."; return; }
  var map = L.map(el, { preferCanvas: true }).setView([-2.4, 106.6], 7);
  var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    { maxZoom: 18, attribution: "&copy; OpenStreetMap" });
  var failed = 0;
  tiles.on("tileerror", function () { failed += 1; el.dataset.tiles = "offline"; });
  tiles.addTo(map);
  function indexColour(v) {
    if (v === null) return "#9aa5b1";
    return v >= 10 ? "#b3261e" : v >= 5 ? "#c77700" : v >= 2 ? "#e0b000" : "#1f7a3a";
  }
  fetch(el.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.json(); })
    .then(function (data) {
      var bounds = [];
      var regions = L.layerGroup(), tps = L.layerGroup();
      data.regions.forEach(function (r) {
        L.circle([r.lat, r.lon], { radius: 400 + Math.sqrt(r.tps) * 250, weight: 1,
          color: indexColour(r.index), fillOpacity: 0.15 })
          .bindPopup("<strong>" + r.name + "</strong><br>index " + (r.index === null ? "—" : r.index.toFixed(2)) +
            "<br>" + r.tps + " TPS, " + r.vulnerable + " rawan+")
          .addTo(regions);
      });
      data.tps.forEach(function (t) {
        var colour = data.colours[t.category] || data.colours[""];
        var big = t.category && t.category !== "kurang_rawan";
        L.circleMarker([t.lat, t.lon], { radius: big ? 6 : 3, weight: 1, color: colour,
          fillColor: colour, fillOpacity: big ? 0.9 : 0.5 })
          .bindPopup("<strong>" + t.code + "</strong><br>" + (t.category || "—") +
            (t.score === null ? "" : " · " + t.score.toFixed(2)) +
            (t.drivers.length ? "<br>" + t.drivers.join("<br>") : ""))
          .addTo(tps);
        bounds.push([t.lat, t.lon]);
      });
      regions.addTo(map); tps.addTo(map);
      L.control.layers(null, { "Kecamatan": regions, "TPS": tps }).addTo(map);
      if (bounds.length) map.fitBounds(bounds, { padding: [10, 10] });
      el.dataset.loaded = String(data.tps.length);
      status.textContent = data.tps.length + " TPS · " + data.regions.length + " kecamatan" +
        (failed ? " · map background offline" : "");
    }).catch(function () { status.textContent = "Could not load map data."; });
})();
